//! The arithmetic of reliability: a covariance matrix from running sums, and what
//! `psych::alpha` computes from it. Pure functions, each with its formula beside it.

use statrs::distribution::{ContinuousCDF, FisherSnedecor};

/// Below this a variance counts as zero: the item never varied.
const ZERO: f64 = 1e-12;

/// A symmetric k × k sample covariance matrix, row-major.
#[derive(Debug, Clone, PartialEq)]
pub struct Covariance {
    pub k: usize,
    pub m: Vec<f64>,
}

impl Covariance {
    pub fn get(&self, a: usize, b: usize) -> f64 {
        self.m[a * self.k + b]
    }
}

/// C_ab = (Σ x_a x_b − n · mean_a · mean_b) / (n − 1), from the sums of n rows and the
/// upper triangle of their cross-products; none for fewer than two rows.
pub fn covariance(n: usize, sums: &[f64], cross: &[f64]) -> Option<Covariance> {
    let k = sums.len();
    if n < 2 || k == 0 {
        return None;
    }
    let n_f = n as f64;
    let mut m = vec![0.0; k * k];
    for a in 0..k {
        for b in a..k {
            let c = (cross[a * k + b] - sums[a] * sums[b] / n_f) / (n_f - 1.0);
            m[a * k + b] = c;
            m[b * k + a] = c;
        }
    }
    Some(Covariance { k, m })
}

/// Cronbach's alpha over the items (all, or all but `drop`):
/// α = k/(k − 1) · (1 − Σ C_ii / Σ C_ij); none for fewer than two items or a sum
/// that never varied.
pub fn alpha(c: &Covariance, drop: Option<usize>) -> Option<f64> {
    let kept: Vec<usize> = (0..c.k).filter(|&i| Some(i) != drop).collect();
    let k = kept.len();
    if k < 2 {
        return None;
    }
    let trace: f64 = kept.iter().map(|&i| c.get(i, i)).sum();
    let total: f64 = kept
        .iter()
        .flat_map(|&a| kept.iter().map(move |&b| (a, b)))
        .map(|(a, b)| c.get(a, b))
        .sum();
    (total > ZERO).then(|| k as f64 / (k as f64 - 1.0) * (1.0 - trace / total))
}

/// Pearson r of item `a` with the sum of the other items (`r.drop`):
/// cov(a, R) = Σ_j C_aj − C_aa, var(R) = Σ C − 2 Σ_j C_aj + C_aa.
pub fn item_rest_r(c: &Covariance, a: usize) -> Option<f64> {
    let row: f64 = (0..c.k).map(|j| c.get(a, j)).sum();
    let total: f64 = c.m.iter().sum();
    let var_a = c.get(a, a);
    let var_rest = total - 2.0 * row + var_a;
    (var_a > ZERO && var_rest > ZERO).then(|| (row - var_a) / (var_a * var_rest).sqrt())
}

/// Pearson r of items `a` and `b`.
pub fn r(c: &Covariance, a: usize, b: usize) -> Option<f64> {
    let (va, vb) = (c.get(a, a), c.get(b, b));
    (va > ZERO && vb > ZERO).then(|| c.get(a, b) / (va * vb).sqrt())
}

/// Feldt's 95% interval for alpha from n respondents and k items, as `psych::alpha.ci`:
/// 1 − (1 − α) · F(0.975) to 1 − (1 − α) · F(0.025), with F on n − 1 and (n − 1)(k − 1)
/// degrees of freedom.
pub fn feldt(alpha: f64, n: usize, k: usize) -> Option<[f64; 2]> {
    if n < 2 || k < 2 {
        return None;
    }
    let df1 = n as f64 - 1.0;
    let f = FisherSnedecor::new(df1, df1 * (k as f64 - 1.0)).ok()?;
    let low = 1.0 - (1.0 - alpha) * f.inverse_cdf(0.975);
    let high = 1.0 - (1.0 - alpha) * f.inverse_cdf(0.025);
    (low.is_finite() && high.is_finite()).then_some([low, high])
}

#[cfg(test)]
mod tests {
    //! Figures worked out by hand.
    use super::*;

    /// Rows (1,1,2), (2,2,2), (3,3,5): variances 1, 1, 3; covariances 1, 1.5, 1.5.
    fn three_rows() -> Covariance {
        let rows = [[1.0, 1.0, 2.0], [2.0, 2.0, 2.0], [3.0, 3.0, 5.0]];
        let mut sums = [0.0; 3];
        let mut cross = [0.0; 9];
        for row in rows {
            for a in 0..3 {
                sums[a] += row[a];
                for b in a..3 {
                    cross[a * 3 + b] += row[a] * row[b];
                }
            }
        }
        covariance(3, &sums, &cross).unwrap()
    }

    #[test]
    fn covariance_is_the_sample_covariance() {
        let c = three_rows();
        let expected = [1.0, 1.0, 1.5, 1.0, 1.0, 1.5, 1.5, 1.5, 3.0];
        for (got, want) in c.m.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{:?}", c.m);
        }
    }

    #[test]
    fn alpha_follows_the_formula() {
        let c = three_rows();
        // Σ C = 1+1+3 + 2(1+1.5+1.5) = 13; trace 5; 3/2 · (1 − 5/13) = 12/13.
        assert!((alpha(&c, None).unwrap() - 12.0 / 13.0).abs() < 1e-12);
        // Without item 2: Σ C = 4, trace 2; 2 · (1 − 2/4) = 1.
        assert!((alpha(&c, Some(2)).unwrap() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn item_rest_r_follows_the_formula() {
        let c = three_rows();
        // Item 2 against items 0+1: cov 3, var(rest) 4, var 3: 3 / sqrt(12).
        assert!((item_rest_r(&c, 2).unwrap() - 3.0 / 12f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn feldt_brackets_alpha() {
        let [low, high] = feldt(0.8, 200, 5).unwrap();
        assert!(low < 0.8 && 0.8 < high, "{low} {high}");
    }
}
