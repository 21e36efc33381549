# Reference figures for `careerfit analyze`, computed by R's psych package from the
# values that generate.py wrote. Usage: Rscript psych-reference.R FOLDER
# Writes FOLDER/expected-traits.csv and FOLDER/expected-items.csv.
suppressMessages(library(psych))
dir <- commandArgs(trailingOnly = TRUE)[1]
values <- read.csv(file.path(dir, "items.csv"), check.names = FALSE, na.strings = "NA")
meta <- read.csv(file.path(dir, "meta.csv"), stringsAsFactors = FALSE, na.strings = "NA")

traits <- data.frame()
items <- data.frame()
for (trait in unique(meta$trait)) {
  qs <- meta$question[meta$trait == trait]
  complete <- na.omit(values[, qs])
  a <- suppressWarnings(alpha(complete, check.keys = FALSE, warnings = FALSE))
  feldt <- unclass(a$feldt)
  traits <- rbind(traits, data.frame(
    trait = trait, complete = nrow(complete), alpha = unname(a$total$raw_alpha),
    ci_low = unname(feldt$lower.ci), ci_high = unname(feldt$upper.ci)))
  for (i in seq_along(qs)) {
    q <- qs[i]
    x <- values[[q]]
    answered <- x[!is.na(x)]
    m <- meta[meta$question == q, ]
    floor <- if (is.na(m$low)) NA else mean(abs(answered - m$low) < 1e-9)
    ceiling <- if (is.na(m$high)) NA else mean(abs(answered - m$high) < 1e-9)
    items <- rbind(items, data.frame(
      question = q, trait = trait, answered = length(answered),
      missing = mean(is.na(x)), mean = mean(answered), sd = sd(answered),
      floor = floor, ceiling = ceiling,
      item_rest_r = a$item.stats$r.drop[i],
      alpha_if_deleted = a$alpha.drop$raw_alpha[i]))
  }
}
write.csv(traits, file.path(dir, "expected-traits.csv"), row.names = FALSE)
write.csv(items, file.path(dir, "expected-items.csv"), row.names = FALSE)
