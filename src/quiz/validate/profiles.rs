//! Checking the pathways of a quiz (weights, minimums, requirements, occupations),
//! its bands, and that every trait is both measured and weighed.

use super::*;

impl Checker<'_> {
    pub(super) fn profiles(
        &mut self,
        profiles: &[ProfileFile],
        trait_names: &[&str],
        sources: &[SourceFile],
    ) -> Vec<Profile> {
        if profiles.is_empty() && self.complete {
            self.error("profiles", "a quiz needs at least one profile (pathway)");
        }
        let mut profile_ids = HashSet::new();
        let mut checked_profiles = Vec::with_capacity(profiles.len());
        for (i, p) in profiles.iter().enumerate() {
            let path = format!("profiles[{i}]");
            self.id(&format!("{path}.id"), &p.id);
            self.unique(&mut profile_ids, &format!("{path}.id"), "profile", &p.id);
            self.non_empty(&format!("{path}.title"), &p.title);
            let mut weights = Vec::new();
            let mut seen = HashSet::new();
            let errors_before = self.problems.len();
            for (trait_id, weight) in &p.weights.0 {
                let wpath = format!("{path}.weights.{trait_id}");
                if !seen.insert(trait_id.as_str()) {
                    self.problems.push(Problem::error(
                        self.file,
                        key(&wpath),
                        format!("trait `{trait_id}` is weighted twice"),
                    ));
                }
                let index = trait_names.iter().position(|t| t == trait_id);
                if index.is_none() {
                    self.key_error_with_hint(
                        &wpath,
                        format!("profile `{}` weighs unknown trait `{trait_id}`", p.id),
                        self.suggest(trait_id, trait_names),
                    );
                }
                if !(weight.is_finite() && *weight >= 0.0) {
                    self.error(
                        &wpath,
                        format!("weight {weight}: a profile weight must be a number of 0 or more"),
                    );
                } else if let Some(problem) = weight_out_of_range(*weight).filter(|_| *weight > 0.0)
                {
                    self.error(&wpath, format!("weight {}: {problem}", shown(*weight)));
                } else if let Some(index) = index
                    && *weight > 0.0
                {
                    weights.push((index, *weight));
                }
            }
            // Said only when no weight above was wrong, so one mistake gives one message.
            if weights.is_empty() && self.problems.len() == errors_before {
                self.error(
                    format!("{path}.weights"),
                    format!(
                        "profile `{}` weighs no trait above 0, so it can never be scored",
                        p.id
                    ),
                );
            }
            let minimums = self.trait_scores(
                &path,
                "minimums",
                "a minimum",
                &p.id,
                &p.minimums,
                trait_names,
            );
            let requires = self.trait_scores(
                &path,
                "requires",
                "a requirement",
                &p.id,
                &p.requires,
                trait_names,
            );
            for (j, step) in p.next_steps.iter().enumerate() {
                self.non_empty(&format!("{path}.next_steps[{j}]"), step);
            }
            let (occupations, faults) =
                crate::quiz::sourced::occupations(&path, &p.occupations, sources);
            for fault in faults {
                self.error_with_hint(fault.path, fault.message, fault.hint);
            }
            checked_profiles.push(Profile {
                id: p.id.clone(),
                title: p.title.clone(),
                summary: p.summary.clone(),
                education: p.education.clone(),
                weights,
                minimums,
                requires,
                needs: Vec::new(),
                job_titles: p.job_titles.clone(),
                occupations,
                certifications: p
                    .certifications
                    .iter()
                    .map(|c| Certification {
                        name: c.name.clone(),
                        detail: c.detail.clone(),
                    })
                    .collect(),
                next_steps: p.next_steps.clone(),
            });
        }

        checked_profiles
    }

    /// A profile's trait id -> score (0 to 100) mapping: `minimums` or `requires`.
    pub(super) fn trait_scores(
        &mut self,
        path: &str,
        field: &str,
        what: &str,
        profile: &str,
        scores: &OrderedMap<f64>,
        trait_names: &[&str],
    ) -> Vec<(usize, f64)> {
        let mut checked = Vec::new();
        for (trait_id, score) in &scores.0 {
            let mpath = format!("{path}.{field}.{trait_id}");
            let index = trait_names.iter().position(|t| t == trait_id);
            if index.is_none() {
                self.key_error_with_hint(
                    &mpath,
                    format!("profile `{profile}` sets {what} for unknown trait `{trait_id}`"),
                    self.suggest(trait_id, trait_names),
                );
            }
            if !(0.0..=100.0).contains(score) {
                self.error(
                    &mpath,
                    format!(
                        "{} {score}: {what} must be a score from 0 to 100",
                        what.trim_start_matches("a ")
                    ),
                );
            } else if let Some(index) = index {
                checked.push((index, *score));
            }
        }
        checked
    }

    /// Bands, highest minimum first.
    pub(super) fn bands(&mut self, bands: &[BandFile]) -> Vec<Band> {
        if bands.is_empty() {
            self.error("bands", "give at least one band, or leave `bands` out");
        }
        let mut checked: Vec<Band> = Vec::new();
        for (i, b) in bands.iter().enumerate() {
            if !(0.0..=100.0).contains(&b.min) {
                self.error(
                    format!("bands[{i}].min"),
                    format!("min {}: a band's min must be a score from 0 to 100", b.min),
                );
            } else if checked.iter().any(|c| c.min == b.min) {
                self.error(
                    format!("bands[{i}].min"),
                    format!("two bands start at {}", b.min),
                );
            }
            self.non_empty(&format!("bands[{i}].label"), &b.label);
            checked.push(Band {
                min: b.min,
                label: b.label.clone(),
                message: b.message.clone(),
            });
        }
        // Every fit from 0 to 100 must land in a band, or the summary has nothing to say.
        if !bands.is_empty() && !bands.iter().any(|b| b.min == 0.0) {
            self.error(
                "bands",
                "no band starts at 0, so a low fit would have no band; add one with `min: 0`",
            );
        }
        checked.sort_by(|a, b| b.min.total_cmp(&a.min));
        checked
    }

    /// Traits that can never count are errors; thinly measured ones and profiles that
    /// ignore most traits are warnings.
    pub(super) fn coverage(
        &mut self,
        traits: &[TraitFile],
        questions: &[QuestionFile],
        profiles: &[ProfileFile],
    ) {
        for (i, t) in traits.iter().enumerate() {
            let measured = questions
                .iter()
                .filter(|q| {
                    q.trait_id.as_deref() == Some(t.id.as_str())
                        || q.options
                            .iter()
                            .flatten()
                            .any(|o| o.scores.iter().any(|s| s.0.iter().any(|(k, _)| *k == t.id)))
                })
                .count();
            if measured == 0 {
                self.error(
                    format!("traits[{i}]"),
                    format!(
                        "no question measures trait `{}`, so it can never be scored",
                        t.id
                    ),
                );
            } else if measured == 1 {
                self.warning(
                    format!("traits[{i}]"),
                    format!(
                        "only one question measures trait `{}`; two or more give a steadier score",
                        t.id
                    ),
                );
            }
            let weighed = profiles
                .iter()
                .any(|p| p.weights.0.iter().any(|(k, w)| *k == t.id && *w > 0.0));
            if !weighed && !profiles.is_empty() {
                self.error(
                    format!("traits[{i}]"),
                    format!(
                        "no profile weighs trait `{}`, so its answers change no fit",
                        t.id
                    ),
                );
            }
        }
        for (i, p) in profiles.iter().enumerate() {
            let weighed = traits
                .iter()
                .filter(|t| p.weights.0.iter().any(|(k, w)| *k == t.id && *w > 0.0))
                .count();
            if weighed > 0 && weighed * 2 < traits.len() {
                self.warning(
                    format!("profiles[{i}].weights"),
                    format!(
                        "profile `{}` weighs {weighed} of the {} traits, so its fit ignores most answers",
                        p.id,
                        traits.len()
                    ),
                );
            }
        }
    }
}
