# Reference values for the univariate statistics tests (CoproSurvey.Tests/Core/Statistics).
# Builds a small, realistic survey data set (data.csv) and writes what R computes on it (reference.json).
# Run from this directory: Rscript make_reference.R   (R 4.2 with psych, e1071, jsonlite)
suppressPackageStartupMessages({
  library(psych)
  library(e1071)
  library(jsonlite)
})

set.seed(20261129)
n <- 120
group <- sample(c("citizen", "professional", "volunteer"), n, replace = TRUE, prob = c(0.45, 0.35, 0.20))
channel <- sample(c("online", "paper", "phone"), n, replace = TRUE, prob = c(0.6, 0.3, 0.1))
age <- round(rnorm(n, mean = ifelse(group == "professional", 44, 51), sd = 13))
hours <- round(rlnorm(n, meanlog = ifelse(group == "volunteer", 2.2, 1.4), sdlog = 0.8), 1)

# Five 5-point Likert items driven by one latent trust factor; q3 is worded negatively (reverse-keyed).
trust <- rnorm(n)
likert <- function(loading) {
  z <- loading * trust + sqrt(1 - loading^2) * rnorm(n)
  as.integer(cut(z, breaks = c(-Inf, -1.2, -0.4, 0.4, 1.2, Inf)))
}
q1 <- likert(0.75)
q2 <- likert(0.65)
q3 <- 6L - likert(0.60)
q4 <- likert(0.70)
q5 <- likert(0.45)

# Missing answers: item non-response and a few skipped background questions.
q1[c(7, 45)] <- NA
q2[c(12, 80, 81)] <- NA
q3[c(33)] <- NA
q5[c(101, 115)] <- NA
age[c(3, 60, 99)] <- NA
hours[c(18, 72)] <- NA
channel[c(25, 90)] <- NA

data <- data.frame(id = seq_len(n), group, channel, age, hours, q1, q2, q3, q4, q5)
write.csv(data, "data.csv", row.names = FALSE, quote = FALSE, na = "")

describe_type7 <- function(x) {
  x <- x[!is.na(x)]
  q <- quantile(x, c(0, 0.25, 0.5, 0.75, 1), type = 7, names = FALSE)
  ci <- t.test(x)$conf.int
  d <- psych::describe(x, type = 2)
  list(n = length(x), mean = mean(x), sd = sd(x), se = sd(x) / sqrt(length(x)),
       ci_lower = ci[1], ci_upper = ci[2], min = q[1], q1 = q[2], median = q[3], q3 = q[4], max = q[5],
       skew = d$skew, kurtosis = d$kurtosis,
       skew_e1071 = e1071::skewness(x, type = 2), kurtosis_e1071 = e1071::kurtosis(x, type = 2))
}

ref <- list()
ref$descriptives <- list(age = describe_type7(data$age), hours = describe_type7(data$hours))
ref$descriptives_by_group <- lapply(split(data$hours, data$group), describe_type7)

# Reliability: reverse q3, listwise deletion.
items <- na.omit(data.frame(q1, q2, q3 = 6L - q3, q4, q5))
a <- psych::alpha(items, check.keys = FALSE, warnings = FALSE)
fa1 <- factanal(covmat = cor(items), factors = 1, control = list(opt = list(factr = 1, pgtol = 0, maxit = 10000)))
lambda <- as.numeric(fa1$loadings[, 1])
if (sum(lambda) < 0) lambda <- -lambda
psi <- as.numeric(fa1$uniquenesses)
ref$reliability <- list(
  complete = nrow(items),
  raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha, average_r = a$total$average_r,
  r_drop = as.numeric(a$item.stats$r.drop), alpha_if_deleted = as.numeric(a$alpha.drop$raw_alpha),
  item_mean = as.numeric(colMeans(items)), item_sd = as.numeric(apply(items, 2, sd)),
  loadings = lambda, uniquenesses = psi, omega_total = sum(lambda)^2 / (sum(lambda)^2 + sum(psi)))

# Correlations of age, hours and the raw items, pairwise complete, with cor.test p-values.
vars <- c("age", "hours", "q1", "q2", "q3", "q4", "q5")
pairs <- list()
for (i in seq_along(vars)) for (j in seq_along(vars)) if (i < j) {
  x <- data[[vars[i]]]; y <- data[[vars[j]]]
  ok <- !is.na(x) & !is.na(y)
  p <- suppressWarnings(cor.test(x, y, method = "pearson"))
  s <- suppressWarnings(cor.test(x, y, method = "spearman", exact = FALSE))
  pairs[[length(pairs) + 1]] <- list(x = vars[i], y = vars[j], n = sum(ok),
    pearson_r = unname(p$estimate), pearson_t = unname(p$statistic), pearson_p = p$p.value,
    spearman_rho = unname(s$estimate), spearman_p = s$p.value)
}
ref$correlations <- pairs

# Two-sample t tests of hours, citizen - professional.
x <- data$hours[data$group == "citizen"]; y <- data$hours[data$group == "professional"]
tt <- function(test) list(t = unname(test$statistic), df = unname(test$parameter), p = test$p.value,
  difference = unname(test$estimate[1] - test$estimate[2]), se = unname(test$stderr),
  ci_lower = test$conf.int[1], ci_upper = test$conf.int[2])
ref$ttest <- list(welch = tt(t.test(x, y)), student = tt(t.test(x, y, var.equal = TRUE)))

# One-way ANOVA of hours by group.
av <- anova(lm(hours ~ factor(group), data = data))
ref$anova <- list(ss_between = av[1, 2], ss_within = av[2, 2], df_between = av[1, 1], df_within = av[2, 1],
  f = av[1, 4], p = av[1, 5])

# Chi-square test of independence of group and channel, no continuity correction.
tab <- table(data$group, data$channel)
cs <- suppressWarnings(chisq.test(tab, correct = FALSE))
ref$chisq <- list(rows = rownames(tab), columns = colnames(tab), observed = unclass(matrix(tab, nrow(tab))),
  expected = unclass(matrix(cs$expected, nrow(tab))), statistic = unname(cs$statistic),
  df = unname(cs$parameter), p = cs$p.value,
  cramers_v = sqrt(unname(cs$statistic) / (sum(tab) * (min(dim(tab)) - 1))),
  small_expected = sum(cs$expected < 5))

writeLines(toJSON(ref, auto_unbox = TRUE, digits = I(17), pretty = TRUE), "reference.json")
