# Write real people's answers, from R's psychTools data sets, as careerfit quiz
# files and JSON Lines rows (issue #30): tests/fixtures/real/<name>.yaml,
# <name>-loose.yaml, <name>.jsonl, README.md and made-with.txt.
#
#   Rscript scripts/real-respondents/make.R tests/fixtures/real
#
# Run through scripts/real-respondents.sh, which installs the Debian packages.
suppressMessages({
    library(psychTools)
})

args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "tests/fixtures/real"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

STRICT <- 0.50
LOOSE <- 0.35
SIZE_WARN <- 8e6
SIZE_MAX <- 20e6
SEED <- 30

licence <- paste0(
    "psychTools ", as.character(packageVersion("psychTools")),
    " is licensed ", packageDescription("psychTools")$License,
    " (its DESCRIPTION; https://cran.r-project.org/package=psychTools)"
)

# ---------------------------------------------------------------------------
# The data sets. Each gives: the data frame, its item columns, how an answer is
# read (scale: position = value - min + 1; yes_no: which value means yes), the
# scale's labels, the keys (trait id -> items, "-" marking a negatively keyed
# item), trait names, item texts, and where the keys, labels and data come from.

keyed <- function(keys) keys # a named list of character vectors

sets <- list()

sets$bfi <- list(
    notes = character(0),
    title = "bfi: 25 IPIP personality items (SAPA), real respondents",
    data = bfi, items = names(bfi)[1:25], min = 1,
    labels = c("Very Inaccurate", "Moderately Inaccurate", "Slightly Inaccurate",
               "Slightly Accurate", "Moderately Accurate", "Very Accurate"),
    keys = bfi.keys,
    names = c(agree = "Agreeableness", conscientious = "Conscientiousness",
              extraversion = "Extraversion", neuroticism = "Neuroticism",
              openness = "Openness"),
    text = function(i) bfi.dictionary[i, "Item"],
    origin = paste(
        "psychTools' bfi data set: 2,800 real people who answered 25 personality",
        "self-report items from the International Personality Item Pool (Goldberg, 1999)",
        "on the SAPA web-based personality assessment project",
        "(Revelle, Wilt and Rosenthal, 2010; https://www.sapa-project.org/), collected",
        "Spring 2010. References: Goldberg, L.R. (1999) A broad-bandwidth, public domain,",
        "personality inventory measuring the lower-level facets of several five-factor",
        "models; Revelle, W., Wilt, J. and Rosenthal, A. (2010) Individual Differences in",
        "Cognition; Revelle, Condon, Wilt, French, Brown and Elleman (2016) Web and phone",
        "based data collection using planned missing designs."),
    keys_from = "bfi.keys, as shipped in psychTools (the same as the bfi help page's example)",
    labels_from = "the bfi help page (Details: the 6 point response scale)"
)

# spi: every item is on exactly one of the 27 narrow scales (spi.dictionary's
# L27 column, spi.keys[6:32]); the five broad scales (spi.keys[1:5]) are built
# from 70 of the same items. The narrow scale is each item's primary one.
sets$spi <- list(
    notes = "No answer is missing: psychTools' spi sample has only complete rows.",
    title = "spi: SAPA Personality Inventory, 135 items, real respondents",
    data = spi, items = names(spi)[11:145], min = 1,
    labels = c("Very Inaccurate", "Moderately Inaccurate", "Slightly Inaccurate",
               "Slightly Accurate", "Moderately Accurate", "Very Accurate"),
    keys = spi.keys[6:32],
    names = setNames(gsub("([a-z])([A-Z])", "\\1 \\2", names(spi.keys)[6:32]),
                     names(spi.keys)[6:32]),
    text = function(i) spi.dictionary[i, "item"],
    origin = paste(
        "psychTools' spi data set: 4,000 real people who answered the 135 items of the",
        "SAPA Personality Inventory (items mostly from the International Personality Item",
        "Pool) on the sapa-project.org web site. Source:",
        "https://sapa-project.org/research/SPI/SPIdevelopment.pdf. References: Condon, D.",
        "(2017) The SAPA Personality Inventory: An empirically-derived,",
        "hierarchically-organized self-report personality assessment model",
        "(https://psyarxiv.com/sc4p9/); Revelle, Dworak and Condon (2021) Exploring the",
        "persome: the power of the item in understanding personality structure,",
        "Personality and Individual Differences, 169, doi:10.1016/j.paid.2020.109905."),
    keys_from = paste(
        "spi.keys[6:32] as shipped in psychTools: the 27 narrow scales, each item's",
        "primary scale (spi.dictionary's L27 column names exactly one per item); the five",
        "broad scales spi.keys[1:5] reuse 70 of these items and are not traits here"),
    labels_from = paste(
        "the SAPA 6-point scale as the bfi help page states it (the spi help page gives",
        "no labels; both are SAPA samples)")
)

sai.keys <- list(sai = c("tense", "regretful", "upset", "worrying", "anxious", "nervous",
    "jittery", "high.strung", "worried", "rattled", "-calm", "-secure", "-at.ease",
    "-rested", "-comfortable", "-confident", "-relaxed", "-content", "-joyful", "-pleasant"),
    sai.p = c("calm", "at.ease", "rested", "comfortable", "confident", "secure", "relaxed",
        "content", "joyful", "pleasant"),
    sai.n = c("tense", "anxious", "nervous", "jittery", "rattled", "high.strung", "upset",
        "worrying", "worried", "regretful"))
tai.keys <- list(tai = c("-pleasant", "nervous", "not.satisfied", "wish.happy", "failure",
    "-rested", "-calm", "difficulties", "worry", "-happy", "disturbing.thoughts",
    "lack.self.confidence", "-secure", "decisive", "inadequate", "-content",
    "thoughts.bother", "disappointments", "-steady", "tension"),
    tai.pos = c("pleasant", "-wish.happy", "rested", "calm", "happy", "secure", "content",
        "steady"),
    tai.neg = c("nervous", "not.satisfied", "failure", "difficulties", "worry",
        "disturbing.thoughts", "lack.self.confidence", "decisive", "inadequate",
        "thoughts.bother", "disappointments", "tension"))

stai.origin <- function(what) paste(
    "psychTools'", what, "data set: real people (students) answering the",
    if (what == "sai") "state" else "trait",
    "anxiety items of the State-Trait Anxiety Inventory in studies at the Personality,",
    "Motivation, and Cognition Laboratory, Northwestern University, between 1991 and",
    "1999.",
    if (what == "sai") paste("Each row is one administration, not one person: 3,032",
        "first administrations and 2,346 later ones (time 2 to 4) of the same people,",
        "before and after a manipulation such as caffeine or a film; psychTools' sai",
        "columns study, id and time, on the same row, tell who and when.") else
        "One row per person (3,032 people).",
    "References: Spielberger, C.D., Gorsuch, R.L. and Lushene, R.E. (1970) Manual for",
    "the State-Trait Anxiety Inventory; Revelle, W. and Anderson, K.J. (1997)",
    "Personality, motivation and cognitive performance, final report to the Army",
    "Research Institute; Rafaeli, E. and Revelle, W. (2006) A premature consensus: Are",
    "happiness and sadness truly opposite affects? Motivation and Emotion, 30, 1-12;",
    "Smillie, Cooper, Wilt and Revelle (2012) Do Extraverts Get More Bang for the Buck?",
    "JPSP 103, 206-326. The STAI's item wording is copyrighted, so the questions are",
    "psychTools' item names.")

sets$sai <- list(
    notes = paste("Question texts are psychTools' item names (sai.dictionary gives only the",
        "names), as the STAI's wording is copyrighted; `rattled` is 'over-excited and rattled'."),
    title = "sai: state anxiety (STAI state items), real respondents",
    data = sai, items = names(sai)[4:23], min = 1,
    labels = c("Not at all", "Somewhat", "Moderately so", "Very much so"),
    keys = sai.keys,
    names = c(sai = "State anxiety", sai.p = "State anxiety, positive items",
              sai.n = "State anxiety, negative items"),
    text = function(i) ifelse(is.na(sai.dictionary[i, "content"]), i,
                              sai.dictionary[i, "content"]),
    origin = stai.origin("sai"),
    keys_from = "sai.keys from the sai help page's examples (psychTools ships no key object)",
    labels_from = paste(
        "the STAI state form's response labels (Spielberger et al., 1970); psychTools",
        "gives the values 1 to 4 without labels")
)

sets$tai <- list(
    notes = paste("Question texts are psychTools' item names, as the STAI's wording is",
        "copyrighted and psychTools has no tai dictionary. `decisive` is keyed toward anxiety",
        "(as tai.keys has it, and it correlates positively with `nervous` and `worry`), so it",
        "reads as indecision whatever its name says."),
    title = "tai: trait anxiety (STAI trait items), real respondents",
    data = tai, items = names(tai)[4:23], min = 1,
    labels = c("Almost never", "Sometimes", "Often", "Almost always"),
    keys = tai.keys,
    names = c(tai = "Trait anxiety", tai.pos = "Trait anxiety, positive items",
              tai.neg = "Trait anxiety, negative items"),
    text = function(i) i,
    origin = stai.origin("tai"),
    keys_from = "tai.keys from the sai/tai help page's examples (psychTools ships no key object)",
    labels_from = paste(
        "the STAI trait form's response labels (Spielberger et al., 1970); psychTools",
        "gives the values 1 to 4 without labels")
)

sets$msq <- list(
    notes = paste("Every row misses some item by design (the item set changed part way).",
        "Question texts are the adjectives (psychTools' item names). Most answers are",
        "'Not at all': the scale is unipolar, how much one feels each mood now."),
    title = "msq: Motivational State Questionnaire mood items, real respondents",
    data = msq, items = names(msq)[1:75], min = 0,
    labels = c("Not at all", "A little", "Moderately", "Very much"),
    keys = msq.keys,
    names = c(EA = "Energetic arousal (Thayer)", TA = "Tense arousal (Thayer)",
              PA = "Positive affect (PANAS)", NAf = "Negative affect (PANAS)",
              HAct = "High activation", aPA = "Activated positive affect",
              uNA = "Unactivated negative affect", pa = "Pleasant affect",
              LAct = "Low activation", uPA = "Unactivated positive affect",
              naf = "Unpleasant affect", aNA = "Activated negative affect",
              Fear = "Fear", Hostility = "Hostility", Guilt = "Guilt",
              Sadness = "Sadness", Joviality = "Joviality",
              Self.Assurance = "Self-assurance", Attentiveness = "Attentiveness"),
    text = function(i) i,
    origin = paste(
        "psychTools' msq data set: 3,896 real people (students) rating 75 mood adjectives",
        "'at this moment' on the Motivational State Questionnaire, before any",
        "manipulation, in 38 studies over nine years at the Personality, Motivation, and",
        "Cognition Laboratory, Northwestern University. The item set changed part way:",
        "alone, kindly and scornful were dropped and anxious, cheerful, idle, inactive and",
        "tranquil added, so about half the rows lack one set or the other. References:",
        "Revelle, W. and Anderson, K.J. (1998) Personality, motivation and cognitive",
        "performance, final report to the Army Research Institute",
        "(https://www.personality-project.org/revelle/publications/ra.ari.98.pdf);",
        "Thayer, R.E. (1989) The biopsychology of mood and arousal; Watson, Clark and",
        "Tellegen (1988) The PANAS scales, JPSP 54, 1063-1070; Larsen and Diener (1992);",
        "Rafaeli and Revelle (2006)."),
    keys_from = "msq.keys as shipped in psychTools (documented with msqR; the same scales as the msq help page)",
    labels_from = "the msq help page (0 Not at all, 1 A little, 2 Moderately, 3 Very much)"
)

sets$epi <- list(
    notes = paste("Question texts are epi.dictionary's, with its typing slips kept",
        "(e.g. 'otherpeople', 'feelingyou', 'hear?')."),
    title = "epi: Eysenck Personality Inventory, real respondents",
    data = epi, items = names(epi)[1:57], yes = 1,
    keys = epi.keys,
    names = c(E = "Extraversion", N = "Neuroticism", L = "Lie",
              Imp = "Impulsivity", Soc = "Sociability"),
    text = function(i) gsub("\\s+", " ", epi.dictionary[i, "Content"]),
    origin = paste(
        "psychTools' epi data set: 3,570 real people (introductory psychology students,",
        "Fall 1991 to Spring 1995) answering the 57 yes/no items of the Eysenck",
        "Personality Inventory in group testing at the Personality, Motivation and",
        "Cognition laboratory, Northwestern University. References: Eysenck, H.J. and",
        "Eysenck, S.B.G. (1968) Manual for the Eysenck Personality Inventory; Revelle,",
        "Humphreys, Simon and Gilliland (1980) Interactive effect of personality, time of",
        "day, and caffeine, JEP: General 109, 1-31. The data code yes as 1 and no as 2 (read",
        "from the endorsement rates: 82% answer 1 to 'Do you sometimes gossip?')."),
    keys_from = "epi.keys as shipped in psychTools (the epi help page's example)",
    labels_from = "the data's 1 is yes and 2 is no"
)

# ---------------------------------------------------------------------------

yq <- function(s) paste0('"', gsub('(["\\\\])', "\\\\\\1", s), '"')
jq <- yq

wrap <- function(s, indent = "  ", width = 88) {
    paste0(indent, strwrap(s, width = width - nchar(indent)), collapse = "\n")
}

# Assign each item to the first key naming it; drop empty traits.
assign_items <- function(keys, items) {
    trait <- setNames(rep(NA_character_, length(items)), items)
    rev <- setNames(rep(FALSE, length(items)), items)
    for (k in names(keys)) {
        for (e in keys[[k]]) {
            i <- sub("^-", "", e)
            if (!(i %in% items)) stop("key ", k, " names unknown item ", i)
            if (is.na(trait[i])) {
                trait[i] <- k
                rev[i] <- startsWith(e, "-")
            }
        }
    }
    list(trait = trait, reverse = rev)
}

pairs_of <- function(raw, trait, items) {
    res <- list()
    for (k in unique(na.omit(trait[items]))) {
        its <- items[!is.na(trait[items]) & trait[items] == k]
        if (length(its) < 2) next
        x <- raw[, its, drop = FALSE]
        cc <- complete.cases(x)
        how <- "complete cases of the scale"
        if (sum(cc) >= 100) {
            r <- cor(x[cc, , drop = FALSE])
            n <- matrix(sum(cc), length(its), length(its))
        } else {
            how <- "pairwise complete"
            r <- suppressWarnings(cor(x, use = "pairwise.complete.obs"))
            ok <- !is.na(as.matrix(x))
            n <- crossprod(ok)
        }
        for (a in seq_along(its)) for (b in seq_along(its)) if (a < b) {
            if (is.na(r[a, b])) next
            res[[length(res) + 1]] <- data.frame(
                trait = k, a = its[a], b = its[b], r = r[a, b], n = n[a, b], how = how,
                stringsAsFactors = FALSE)
        }
    }
    do.call(rbind, res)
}

write_quiz <- function(path, name, s, items, a, allpairs, cut, loose) {
    traits <- intersect(names(s$keys), a$trait[items])
    p <- allpairs[abs(allpairs$r) >= cut, ]
    p <- p[order(-abs(p$r)), ]
    yesno <- is.null(s[["labels"]])
    L <- c(
        paste0("# Generated by scripts/real-respondents.sh (scripts/real-respondents/make.R); do not edit."),
        paste0("# Real people's answers to psychTools' `", name, "` data set, for calibrating"),
        "# careerfit's careless-answering checks (issue #30). Not a career quiz: it only exists to be answered.",
        paste0("# Pairs: items of one trait whose answers correlate |r| >= ", sprintf("%.2f", cut),
               " over the rows answering every item of that trait;"),
        "# `same` when the statements as written correlate positively, `opposite` when negatively.",
        paste0("id: real-", name, if (loose) "-loose" else ""),
        paste0("title: ", yq(paste0(s$title, if (loose) " (loose pairs)" else ""))),
        'version: "1.0"',
        "description: >-",
        wrap(paste0(s$origin, " Licence: ", licence, ". Keys: ", s$keys_from,
                    ". Labels: ", s$labels_from, ".")),
        "sources:",
        paste0("  - title: ", yq(paste0("R package psychTools ", packageVersion("psychTools"),
                                       ", data set ", name))),
        "    url: https://cran.r-project.org/package=psychTools",
        paste0("    note: ", yq(paste0("Real respondents; ", licence, "."))))
    if (!yesno) {
        L <- c(L, "scales:", "  answer:",
               paste0("    labels: [", paste(sapply(s[["labels"]], yq), collapse = ", "), "]"))
    }
    L <- c(L, "traits:")
    for (k in traits) {
        L <- c(L, paste0("  - {id: ", yq(k), ", name: ", yq(s$names[[k]]), "}"))
    }
    L <- c(L, "questions:")
    for (i in items) {
        if (is.na(a$trait[i])) next
        q <- paste0("  - {id: ", yq(i), ", text: ", yq(s$text(i)), ", trait: ", yq(a$trait[i]))
        if (yesno) q <- paste0(q, ", type: yes_no")
        if (a$reverse[i]) q <- paste0(q, ", reverse: true")
        L <- c(L, paste0(q, "}"))
    }
    if (nrow(p) > 0) {
        L <- c(L, "pairs:")
        for (j in seq_len(nrow(p))) {
            L <- c(L, sprintf("  - {questions: [%s, %s], relation: %s}  # r = %+.3f, n = %d",
                              yq(p$a[j]), yq(p$b[j]), if (p$r[j] > 0) "same" else "opposite",
                              p$r[j], as.integer(p$n[j])))
        }
    } else {
        L <- c(L, "pairs: []")
    }
    L <- c(L,
           "# One neutral pathway, every trait weighed 1; no bands, so careerfit's default ones",
           "# (as tests/fixtures/small.yaml).",
           "profiles:",
           "  - id: neutral",
           "    title: Neutral (weighs every trait alike; gives no advice)",
           paste0("    weights: {", paste0(sapply(traits, yq), ": 1", collapse = ", "), "}"))
    writeLines(L, path)
    nrow(p)
}

write_rows <- function(path, s, items) {
    d <- s$data[, items, drop = FALSE]
    ids <- rownames(s$data)
    set.seed(SEED)
    cells <- matrix("", nrow(d), length(items))
    for (j in seq_along(items)) {
        v <- d[[j]]
        if (is.null(s[["labels"]])) {
            txt <- ifelse(v == s$yes, '"yes"', '"no"')
        } else {
            txt <- as.character(v - s$min + 1)
        }
        cells[, j] <- ifelse(is.na(v), "", paste0(jq(items[j]), ": ", txt))
    }
    rows <- apply(cells, 1, function(x) paste(x[x != ""], collapse = ", "))
    lines <- paste0('{"id": ', jq(ids), ', "answers": {', rows, "}}")
    size <- sum(nchar(lines, type = "bytes") + 1)
    note <- ""
    if (size > SIZE_MAX) {
        keep <- sort(sample(seq_along(lines), floor(length(lines) * SIZE_MAX / size * 0.95)))
        note <- sprintf("random subsample of %d of %d rows (set.seed(%d))", length(keep),
                        length(lines), SEED)
        lines <- lines[keep]
    } else if (size > SIZE_WARN) {
        note <- sprintf("over 8 MB (%.1f MB), kept whole", size / 1e6)
    }
    writeLines(lines, path, useBytes = TRUE)
    list(size = file.size(path), note = note, n = length(lines))
}

summary <- list()
for (name in names(sets)) {
    s <- sets[[name]]
    items <- s$items
    a <- assign_items(s$keys, items)
    used <- items[!is.na(a$trait[items])]
    raw <- as.data.frame(lapply(s$data[, used, drop = FALSE], as.numeric))
    # Bad values would make rows careerfit refuses: stop here instead.
    vals <- unique(na.omit(unlist(raw)))
    if (is.null(s[["labels"]])) {
        if (!all(vals %in% c(1, 2))) stop(name, ": yes/no values other than 1 and 2")
    } else if (!all(vals %in% (s$min - 1 + seq_along(s[["labels"]])))) {
        stop(name, ": values outside the scale: ", paste(sort(vals), collapse = " "))
    }
    allpairs <- pairs_of(raw, a$trait, used)
    strict <- write_quiz(file.path(out, paste0(name, ".yaml")), name, s, used, a, allpairs, STRICT, FALSE)
    loose <- write_quiz(file.path(out, paste0(name, "-loose.yaml")), name, s, used, a, allpairs, LOOSE, TRUE)
    w <- write_rows(file.path(out, paste0(name, ".jsonl")), s, used)
    miss <- rowSums(is.na(raw))
    traits <- intersect(names(s$keys), a$trait[used])
    counts <- table(factor(a$trait[used], levels = traits))
    dropped <- setdiff(names(s$keys), traits)
    summary[[name]] <- list(
        name = name, s = s, n = nrow(raw), items = length(used), all_items = length(items),
        unused = setdiff(items, used), points = if (is.null(s[["labels"]])) 2 else length(s[["labels"]]),
        traits = traits, counts = counts, dropped = dropped,
        reversed = sum(a$reverse[used]), strict = strict, loose = loose,
        quarter = sum(miss > length(used) / 4), anymiss = sum(miss > 0),
        empty = sum(miss == length(used)),
        cells_missing = mean(is.na(as.matrix(raw))),
        pairwise = unique(allpairs$trait[allpairs$how == "pairwise complete"]),
        dist = table(factor(unlist(raw), levels = if (is.null(s[["labels"]])) 1:2 else s$min - 1 + seq_along(s[["labels"]]))),
        size = w$size, note = w$note, rows = w$n)
    cat(sprintf("%s: %d rows, %d items, %d traits, pairs %d strict / %d loose, %d rows > 1/4 missing, %.1f MB %s\n",
                name, nrow(raw), length(used), length(traits), strict, loose,
                summary[[name]]$quarter, w$size / 1e6, w$note), file = stderr())
}

# ---------------------------------------------------------------------------
# README.md and made-with.txt

writeLines(c(
    paste("R:", R.version.string),
    paste("psychTools:", as.character(packageVersion("psychTools"))),
    paste("psych:", as.character(packageVersion("psych"))),
    paste("Pairs: |r| >=", STRICT, "(<name>.yaml) and |r| >=", LOOSE, "(<name>-loose.yaml)")
), file.path(out, "made-with.txt"))

pct <- function(x) sprintf("%.1f%%", 100 * x)
R <- c(
    "# Real respondents (issue #30)",
    "",
    "Real people's answers to Likert and yes/no items, from the data sets that R's",
    "psychTools package ships, written as careerfit quizzes and JSON Lines rows so that",
    "careless-answering checks can be measured on real data. These quizzes give no",
    "advice: each has one neutral pathway weighing every trait 1, and careerfit's",
    "default bands.",
    "",
    "Remake everything (installs Debian's `r-cran-psychtools` and `r-cran-psych` with",
    "apt-get if missing; the tests need no R):",
    "",
    "```sh",
    "scripts/real-respondents.sh",
    "```",
    "",
    paste0("Made with ", R.version.string, ", psychTools ", packageVersion("psychTools"),
           " and psych ", packageVersion("psych"), " (`made-with.txt`)."),
    "",
    "For each data set `NAME`:",
    "",
    "- `NAME.yaml`: the quiz, id `real-NAME`. A trait per published scale (an item in",
    "  several keys goes to the first that names it; scales left with no item are",
    "  dropped), a question per item with its text and `reverse: true` for negatively",
    "  keyed items, and `pairs:` for every two items of one trait whose answers",
    paste0("  correlate |r| >= ", STRICT, " (`same` when the statements as written correlate"),
    "  positively, `opposite` when negatively), each with its r and n as a comment.",
    "  The correlation is over the rows answering every item of that trait (or, where",
    "  fewer than 100 rows do, over the rows answering both items: named below).",
    paste0("- `NAME-loose.yaml`: the same quiz, id `real-NAME-loose`, with pairs at |r| >= ", LOOSE, "."),
    "- `NAME.jsonl`: one row per respondent, every respondent kept, in the data set's",
    "  order: `{\"id\": ROW NAME, \"answers\": {ITEM: POSITION}}`, a scale answer's position",
    "  1..N (0-based data such as msq's 0-3 become 1..4), epi's answers `\"yes\"`/`\"no\"`;",
    "  a missing answer is left out. Question ids are psychTools' item names.",
    "",
    paste0("Licence of all the data: ", licence, "."),
    "",
    "## Summary",
    "",
    "| data set | respondents | items | points | traits | reversed items | pairs strict / loose | rows > 1/4 missing | rows with no answer | rows with any missing | cells missing | rows file |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|")
for (x in summary) {
    R <- c(R, sprintf("| %s | %d | %d | %d | %d | %d | %d / %d | %d | %d | %d | %s | %.1f MB |",
        x$name, x$n, x$items, x$points, length(x$traits), x$reversed, x$strict, x$loose,
        x$quarter, x$empty, x$anymiss, pct(x$cells_missing), x$size / 1e6))
}
for (x in summary) {
    s <- x$s
    d <- x$dist
    R <- c(R, "", paste0("## ", x$name), "",
        paste0("**Origin.** ", s$origin), "",
        paste0("**Licence.** ", licence, "."), "",
        paste0("**Respondents.** ", x$n, " rows (ids: the data set's row names)",
               if (nzchar(x$note)) paste0("; ", x$note) else "", "."), "",
        paste0("**Items.** ", x$items, " of ", x$all_items,
               if (length(x$unused)) paste0(" (in no key, left out: ", paste(x$unused, collapse = ", "), ")") else "",
               "; ", x$reversed, " negatively keyed (`reverse: true`)."), "",
        paste0("**Scale.** ", if (is.null(s[["labels"]])) paste0("yes/no: ", s$labels_from) else
            paste0(x$points, " points: ", paste(sprintf("%d %s", seq_along(s[["labels"]]), s[["labels"]]), collapse = ", "),
                   ". Labels from ", s$labels_from), "."), "",
        paste0("**Answers given, by position.** ",
               paste(sprintf("%s: %s", if (is.null(s[["labels"]])) c("yes", "no") else seq_along(d),
                             pct(as.numeric(d) / sum(d))), collapse = ", "), "."), "",
        paste0("**Keys.** ", s$keys_from, "."), "",
        paste0("**Traits.** ", paste(sprintf("`%s` %s (%d)", x$traits, s$names[x$traits],
                                             as.integer(x$counts)), collapse = ", "),
               if (length(x$dropped)) paste0(". Scales whose items all belong to an earlier scale, so not traits: ",
                                             paste(x$dropped, collapse = ", ")) else "", "."), "",
        if (length(s$notes)) c(paste0("**Notes.** ", s$notes), "") else character(0),
        paste0("**Pairs.** ", x$strict, " at |r| >= ", STRICT, ", ", x$loose, " at |r| >= ", LOOSE,
               if (length(x$pairwise)) paste0(" (r over the rows answering both items, as fewer than 100 rows answer every item, for: ",
                                               paste(x$pairwise, collapse = ", "), ")") else "", "."), "",
        paste0("**Missing.** ", x$quarter, " rows have more than a quarter of the ", x$items,
               " answers missing (", x$empty, " answer nothing at all: their rows are `\"answers\": {}`); ",
               x$anymiss, " rows miss at least one; ",
               pct(x$cells_missing), " of all answers are missing."))
}
writeLines(R, file.path(out, "README.md"))
