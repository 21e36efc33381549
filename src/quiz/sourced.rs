//! The facts a quiz states about the world: its sources (id, address, date) and the
//! occupations its pathways lead to, checked against each other. Loading calls these
//! from `validate.rs`; a fault is a field path, a message and perhaps a hint.

use super::Occupation;
use super::file::{OccupationFile, SourceFile};
use crate::diagnostic::suggest;
use std::collections::HashSet;

pub(super) struct Fault {
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

fn fault(path: String, message: String) -> Fault {
    Fault {
        path,
        message,
        hint: None,
    }
}

/// `29-2072.00`: two digits, a dash, four digits, a dot, two digits.
pub fn is_onet_soc_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b[2] == b'-'
        && b[7] == b'.'
        && b.iter()
            .enumerate()
            .all(|(i, c)| matches!(i, 2 | 7) || c.is_ascii_digit())
}

/// `2025` or `2025-05`.
fn is_as_of(date: &str) -> bool {
    let b = date.as_bytes();
    let year = b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => year,
        7 => {
            year && b[4] == b'-' && b[5].is_ascii_digit() && b[6].is_ascii_digit() && {
                let month = (b[5] - b'0') * 10 + (b[6] - b'0');
                (1..=12).contains(&month)
            }
        }
        _ => false,
    }
}

/// Ids unique and well-formed, addresses http(s), dates a year or a year and month.
pub(super) fn check_sources(sources: &[SourceFile]) -> Vec<Fault> {
    let mut faults = Vec::new();
    let mut seen = HashSet::new();
    for (i, source) in sources.iter().enumerate() {
        let path = format!("sources[{i}]");
        if let Some(id) = &source.id {
            let well_formed = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                faults.push(fault(
                    format!("{path}.id"),
                    format!("the source id `{id}` may hold only lowercase letters, digits and '-'"),
                ));
            } else if !seen.insert(id.as_str()) {
                faults.push(fault(
                    format!("{path}.id"),
                    format!("source id `{id}` is used twice"),
                ));
            }
        }
        if let Some(url) = &source.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            faults.push(fault(
                format!("{path}.url"),
                format!("`{url}` is not a web address; write it with https://"),
            ));
        }
        if let Some(as_of) = &source.as_of
            && !is_as_of(as_of)
        {
            faults.push(fault(
                format!("{path}.as_of"),
                format!("`{as_of}` is not a year (2025) or a year and month (2025-05)"),
            ));
        }
    }
    faults
}

/// A profile's occupations, checked: the code's pattern, a known source, and each
/// figure with its date.
pub(super) fn occupations(
    path: &str,
    occupations: &[OccupationFile],
    sources: &[SourceFile],
) -> (Vec<Occupation>, Vec<Fault>) {
    let ids: Vec<&str> = sources.iter().filter_map(|s| s.id.as_deref()).collect();
    let mut faults = Vec::new();
    let mut checked = Vec::new();
    for (j, o) in occupations.iter().enumerate() {
        let path = format!("{path}.occupations[{j}]");
        let before = faults.len();
        if !is_onet_soc_code(&o.code) {
            faults.push(fault(
                format!("{path}.code"),
                format!(
                    "`{}` is not an O*NET-SOC code; write it as 29-2072.00",
                    o.code
                ),
            ));
        }
        if o.title.trim().is_empty() {
            faults.push(fault(format!("{path}.title"), "must not be empty".into()));
        }
        let source = sources
            .iter()
            .position(|s| s.id.as_deref() == Some(o.source.as_str()));
        if source.is_none() {
            faults.push(Fault {
                path: format!("{path}.source"),
                message: format!("there is no source with id `{}` under `sources`", o.source),
                hint: suggest(&o.source, &ids),
            });
        }
        let median_pay = match (o.median_pay, o.pay_year) {
            (None, None) => None,
            (Some(pay), Some(year))
                if pay.is_finite() && pay > 0.0 && (1990..=2100).contains(&year) =>
            {
                Some((pay, year))
            }
            (Some(pay), Some(year)) => {
                faults.push(fault(
                    format!("{path}.median_pay"),
                    format!(
                        "median pay {pay} for {year}: give a positive amount and a year from 1990 to 2100"
                    ),
                ));
                None
            }
            (Some(_), None) => {
                faults.push(fault(
                    format!("{path}.pay_year"),
                    "`median_pay` needs `pay_year`: every figure says when it is from".into(),
                ));
                None
            }
            (None, Some(_)) => {
                faults.push(fault(
                    format!("{path}.median_pay"),
                    "`pay_year` is given without `median_pay`".into(),
                ));
                None
            }
        };
        let growth = match (o.growth, &o.growth_period) {
            (None, None) => None,
            (Some(growth), Some(period)) if growth.is_finite() && !period.trim().is_empty() => {
                Some((growth, period.clone()))
            }
            (Some(growth), Some(_)) if !growth.is_finite() => {
                faults.push(fault(
                    format!("{path}.growth"),
                    format!("growth {growth}: give a percentage"),
                ));
                None
            }
            (Some(_), _) => {
                faults.push(fault(
                    format!("{path}.growth_period"),
                    "`growth` needs `growth_period`: every figure says when it is for".into(),
                ));
                None
            }
            (None, Some(_)) => {
                faults.push(fault(
                    format!("{path}.growth"),
                    "`growth_period` is given without `growth`".into(),
                ));
                None
            }
        };
        if let (Some(source), true) = (source, faults.len() == before) {
            checked.push(Occupation {
                code: o.code.clone(),
                title: o.title.clone(),
                source,
                median_pay,
                growth,
            });
        }
    }
    (checked, faults)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_o_net_soc_pattern() {
        assert!(is_onet_soc_code("29-2072.00"));
        assert!(is_onet_soc_code("11-9111.00"));
        for bad in [
            "29-2072",
            "292072.00",
            "29-2072.0",
            "2a-2072.00",
            "29-2072-00",
            "",
        ] {
            assert!(!is_onet_soc_code(bad), "{bad}");
        }
    }

    #[test]
    fn as_of_is_a_year_or_a_year_and_month() {
        assert!(is_as_of("2025"));
        assert!(is_as_of("2024-05"));
        for bad in [
            "25",
            "2024-13",
            "2024-5",
            "May 2024",
            "2024-05-01",
            "2024-#5",
            "2024-5#",
        ] {
            assert!(!is_as_of(bad), "{bad}");
        }
    }
}
