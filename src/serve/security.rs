//! What keeps the served pages safe, after OWASP's cheat sheets: random secrets,
//! tokens compared in constant time, the same-origin check on every POST, the
//! headers on every response, and the limits on POSTs, one per route.

use axum::http::{HeaderMap, HeaderValue, header};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

/// `bytes` random bytes from the system's generator, as lowercase hex.
pub fn secret(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).expect("the system's random generator works");
    buf.iter().map(|b| format!("{b:02x}")).collect()
}

/// A 128-bit secret: session cookies, form tokens, result addresses, the advisor's
/// token.
pub fn token() -> String {
    secret(16)
}

/// The letters of a sign-in link's token: letters and digits only, so that a
/// double click in a terminal selects the whole token.
const LINK_LETTERS: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A sign-in link's token: 20 letters and digits (119 bits), short enough that the
/// advisor's line at start fits 80 columns. Each is used once.
pub fn link_token() -> String {
    let mut letters = String::with_capacity(20);
    while letters.len() < 20 {
        let mut buf = [0u8; 32];
        getrandom::fill(&mut buf).expect("the system's random generator works");
        // 248 is 4 × 62: bytes above it are dropped, so that every letter is as likely.
        letters.extend(
            buf.iter()
                .filter(|b| **b < 248)
                .map(|b| LINK_LETTERS[usize::from(b % 62)] as char),
        );
    }
    letters.truncate(20);
    letters
}

/// The letters of a personal code: Crockford's base 32, which has no I, L, O or U,
/// so that a code read aloud or copied from paper comes back right.
const CODE_LETTERS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A short personal code to resume with: 10 letters (50 bits), shown as
/// `ABCDE-FGHJK`. Guessing one is held back by the limit on POSTs.
pub fn personal_code() -> String {
    let mut buf = [0u8; 10];
    getrandom::fill(&mut buf).expect("the system's random generator works");
    let letters: String = buf
        .iter()
        .map(|b| CODE_LETTERS[usize::from(b % 32)] as char)
        .collect();
    format!("{}-{}", &letters[..5], &letters[5..])
}

/// A personal code as a person types it back: any case, with or without the dash
/// or spaces, O for 0 and I or L for 1.
pub fn normalise_code(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    let valid = letters.len() == 10 && letters.bytes().all(|b| CODE_LETTERS.contains(&b));
    valid.then(|| format!("{}-{}", &letters[..5], &letters[5..]))
}

/// Whether a given token is the expected one, in time that does not depend on
/// where they differ.
pub fn same_token(given: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    given.len() == expected.len() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
}

/// A POST must come from this site. Where the browser says where a request came
/// from (`Sec-Fetch-Site`, sent over HTTPS and to localhost), it must be this site
/// or the person's own typing; its Origin must be this server as the browser
/// reached it (`scheme://Host`; under HTTP/2 the Host is the URI's authority, put
/// in the header on arrival), or one of the `--public-url` origins (a proxy that
/// serves HTTPS in front of plain HTTP). Browsers do not send `Sec-Fetch-*` to
/// plain-HTTP addresses on a network, so the Origin check is what holds there. A
/// request with neither (a script, an old browser) is left to the form token;
/// Origin "null" (a sandboxed or privacy-stripped page) is refused.
pub fn same_origin(headers: &HeaderMap, scheme: &str, public: &[String]) -> bool {
    let fetched_from = headers.get("sec-fetch-site").map(|v| v.as_bytes());
    if fetched_from.is_some_and(|site| site != b"same-origin" && site != b"none") {
        return false;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let Ok(origin) = origin.to_str() else {
        return false;
    };
    if public.iter().any(|p| p.eq_ignore_ascii_case(origin)) {
        return true;
    }
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    origin.eq_ignore_ascii_case(&format!("{scheme}://{host}"))
}

/// The content security policy: nothing but this server's style sheet and forms
/// that post back to it; no scripts at all, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
                       form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The headers every response carries. Every page is personal or the advisor's, so
/// none is kept in a cache.
pub fn add_headers(headers: &mut HeaderMap) {
    let set = |headers: &mut HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(headers, header::CONTENT_SECURITY_POLICY, CSP);
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Not `no-referrer`: under it a browser sends `Origin: null` with every POST,
    // and the origin check could not tell this site's forms from another's.
    // `same-origin` keeps the address (a result's key, the advisor's token) from
    // every other site.
    set(headers, header::REFERRER_POLICY, "same-origin");
    set(headers, header::CACHE_CONTROL, "no-store");
    set(
        headers,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
}

/// The address a limit counts by: an IPv4 address as it is; an IPv6 address by its
/// /64, which is what one home or school network is given (a device picks new
/// addresses within it at will).
pub fn address_group(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::from([s[0], s[1], s[2], s[3], 0, 0, 0, 0])
            }
        },
    }
}

/// What a POST is counted against: each route its own allowance, so that one use
/// cannot spend another's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// A student's page, the review, an advisor's action: by their session.
    Session,
    /// The start form: by address group.
    Start,
    /// The resume form: by address group.
    Resume,
    /// A sign-in link that did not sign in: by address group. A link that works is
    /// never limited.
    FailedLogin,
}

/// The allowances, each a burst then a steady rate. A class behind one school
/// address shares the per-address ones, which is why starts and resumes are
/// generous; the README says when to raise them.
pub struct Limits {
    by_session: DefaultKeyedRateLimiter<String>,
    starts: DefaultKeyedRateLimiter<IpAddr>,
    resumes: DefaultKeyedRateLimiter<IpAddr>,
    failed_logins: DefaultKeyedRateLimiter<IpAddr>,
}

/// A student's pages: 20 at once, then 2 a second (a page of ten questions takes
/// far longer to answer).
pub const SESSION_BURST: u32 = 20;
pub const SESSION_PER_SECOND: u32 = 2;
/// Starts from one address group: 300 at once (a whole year group behind one
/// school router), then 5 a second.
pub const START_BURST: u32 = 300;
pub const START_PER_SECOND: u32 = 5;
/// Resumes from one address group: 200 at once (a class back from a break), then 2
/// a second. Guessing a 50-bit personal code at 2 a second takes millions of years.
pub const RESUME_BURST: u32 = 200;
pub const RESUME_PER_SECOND: u32 = 2;
/// Failed sign-ins from one address group: 10, then one every 6 seconds.
pub const FAILED_LOGIN_BURST: u32 = 10;
pub const FAILED_LOGIN_EVERY: Duration = Duration::from_secs(6);

impl Limits {
    pub fn new() -> Self {
        let non_zero = |n: u32| NonZeroU32::new(n).expect("non-zero");
        let quota = |per_second: u32, burst: u32| {
            Quota::per_second(non_zero(per_second)).allow_burst(non_zero(burst))
        };
        let failed = Quota::with_period(FAILED_LOGIN_EVERY)
            .expect("a period above zero")
            .allow_burst(non_zero(FAILED_LOGIN_BURST));
        Limits {
            by_session: RateLimiter::keyed(quota(SESSION_PER_SECOND, SESSION_BURST)),
            starts: RateLimiter::keyed(quota(START_PER_SECOND, START_BURST)),
            resumes: RateLimiter::keyed(quota(RESUME_PER_SECOND, RESUME_BURST)),
            failed_logins: RateLimiter::keyed(failed),
        }
    }

    /// Whether a POST may go ahead, counted against `limit`: a session's by the
    /// session (or, without one, as a start from its address), the others by the
    /// address's group.
    pub fn allow(&self, limit: Limit, session: Option<&str>, address: IpAddr) -> bool {
        let group = address_group(address);
        match (limit, session) {
            (Limit::Session, Some(session)) => {
                self.by_session.check_key(&session.to_string()).is_ok()
            }
            (Limit::Session | Limit::Start, _) => self.starts.check_key(&group).is_ok(),
            (Limit::Resume, _) => self.resumes.check_key(&group).is_ok(),
            (Limit::FailedLogin, _) => self.failed_logins.check_key(&group).is_ok(),
        }
    }

    /// Forget clients that are back to a full allowance, so memory stays bounded.
    pub fn tidy(&self) {
        self.by_session.retain_recent();
        self.by_session.shrink_to_fit();
        for limiter in [&self.starts, &self.resumes, &self.failed_logins] {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_come_back_as_people_type_them() {
        let code = personal_code();
        assert_eq!(code.len(), 11);
        assert_eq!(normalise_code(&code), Some(code.clone()));
        assert_eq!(
            normalise_code(&code.to_lowercase().replace('-', " ")),
            Some(code)
        );
        assert_eq!(
            normalise_code("abcde-fgh0o"),
            Some("ABCDE-FGH00".to_string())
        );
        assert_eq!(normalise_code("il1"), None);
        assert_eq!(normalise_code("ABCDE-FGHUU"), None);
    }

    #[test]
    fn tokens_are_compared_whole() {
        let t = token();
        assert_eq!(t.len(), 32);
        assert!(same_token(&t, &t.clone()));
        assert!(!same_token(&t[..31], &t));
        assert!(!same_token("", &t));
        assert_ne!(token(), t);
    }

    #[test]
    fn origin_must_be_this_server() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("10.0.0.5:8080"));
        assert!(same_origin(&headers, "http", &[]));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://10.0.0.5:8080"),
        );
        assert!(same_origin(&headers, "http", &[]));
        assert!(!same_origin(&headers, "https", &[]));
        // Behind a proxy that serves HTTPS, the browser's origin is the public one.
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("https://quiz.school.example"),
        );
        assert!(!same_origin(&headers, "http", &[]));
        let public = ["https://quiz.school.example".to_string()];
        assert!(same_origin(&headers, "http", &public));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!same_origin(&headers, "http", &[]));
        headers.insert(header::ORIGIN, HeaderValue::from_static("null"));
        assert!(!same_origin(&headers, "http", &[]));
        // Where the browser says the request came from, only this site will do.
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://10.0.0.5:8080"),
        );
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-origin"));
        assert!(same_origin(&headers, "http", &[]));
        headers.insert("sec-fetch-site", HeaderValue::from_static("cross-site"));
        assert!(!same_origin(&headers, "http", &[]));
        headers.insert("sec-fetch-site", HeaderValue::from_static("same-site"));
        assert!(!same_origin(&headers, "http", &[]));
    }

    #[test]
    fn a_session_is_held_to_its_burst() {
        let limits = Limits::new();
        let here = std::net::IpAddr::from([127, 0, 0, 1]);
        let allowed = (0..SESSION_BURST + 5)
            .filter(|_| limits.allow(Limit::Session, Some("s"), here))
            .count();
        assert_eq!(allowed, SESSION_BURST as usize);
        // Another session is not held back by the first.
        assert!(limits.allow(Limit::Session, Some("t"), here));
    }

    #[test]
    fn each_route_has_its_own_allowance() {
        let limits = Limits::new();
        let here = std::net::IpAddr::from([10, 0, 0, 7]);
        let resumed = (0..RESUME_BURST + 5)
            .filter(|_| limits.allow(Limit::Resume, None, here))
            .count();
        assert_eq!(resumed, RESUME_BURST as usize);
        // Resumes spent, starts and failed sign-ins are untouched.
        assert!(limits.allow(Limit::Start, None, here));
        assert!(limits.allow(Limit::FailedLogin, None, here));
    }

    #[test]
    fn ipv6_addresses_count_by_their_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(address_group(a), address_group(b));
        assert_ne!(address_group(a), address_group(c));
        let mapped: IpAddr = "::ffff:10.0.0.7".parse().unwrap();
        assert_eq!(address_group(mapped), IpAddr::from([10, 0, 0, 7]));
        let limits = Limits::new();
        let spent = (0..FAILED_LOGIN_BURST)
            .filter(|_| limits.allow(Limit::FailedLogin, None, a))
            .count();
        assert_eq!(spent, FAILED_LOGIN_BURST as usize);
        assert!(!limits.allow(Limit::FailedLogin, None, b), "same /64");
        assert!(limits.allow(Limit::FailedLogin, None, c), "another /64");
    }

    #[test]
    fn link_tokens_are_20_letters_and_digits() {
        let t = link_token();
        assert_eq!(t.len(), 20);
        assert!(t.bytes().all(|b| b.is_ascii_alphanumeric()));
        assert_ne!(link_token(), t);
    }
}
