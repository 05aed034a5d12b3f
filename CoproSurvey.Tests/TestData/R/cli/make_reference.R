# Makes survey.csv (a small coproduction survey) and reference.json (R 4.2 results for every `analyze` verb).
# Run from this directory: Rscript make_reference.R
# Packages: sandwich (HC and cluster covariances), psych (alpha, skewness/kurtosis), jsonlite.
suppressPackageStartupMessages({ library(sandwich); library(psych); library(jsonlite) })
set.seed(20261129)
n <- 80
role <- sample(c("citizen", "professional", "volunteer"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
female <- sample(c("no", "yes"), n, replace = TRUE)
site <- sample(1:8, n, replace = TRUE)
age <- sample(18:80, n, replace = TRUE)
latent <- rnorm(n)
item <- function(shift) pmin(5, pmax(1, round(3 + 0.9 * latent + shift + rnorm(n, 0, 0.8))))
trust1 <- item(0); trust2 <- item(0.3); trust3 <- item(-0.2); trust4 <- item(0.1)
satisfaction <- round(40 + 0.12 * age + 4 * (role == "professional") - 2.5 * (role == "volunteer") +
  3 * trust1 + 1.5 * trust1 * (female == "yes") + 0.5 * site + rnorm(n, 0, 5), 2)
engaged <- rbinom(n, 1, plogis(-4 + 0.03 * age + 0.08 * (satisfaction - 55) + 0.8 * (role == "volunteer")))
age[c(7, 33)] <- NA
satisfaction[c(12)] <- NA
d <- data.frame(id = 1:n, role, female, site, age, trust1, trust2, trust3, trust4, satisfaction, engaged)
write.csv(d, "survey.csv", row.names = FALSE, na = "", quote = FALSE)
d <- read.csv("survey.csv")

coefs <- function(fit, v, dist = c("t", "z")) {
  dist <- match.arg(dist)
  est <- coef(fit); se <- sqrt(diag(v)); stat <- est / se
  df <- fit$df.residual
  p <- if (dist == "t") 2 * pt(-abs(stat), df) else 2 * pnorm(-abs(stat))
  q <- if (dist == "t") qt(0.975, df) else qnorm(0.975)
  data.frame(term = names(est), estimate = est, stdError = se, statistic = stat, pValue = p,
             ciLower = est - q * se, ciUpper = est + q * se, row.names = NULL)
}

# ols: satisfaction ~ age + role + trust1 + trust1:female + factor(site) with site as a forced factor, reference 1.
d$site_f <- factor(d$site)
fit <- lm(satisfaction ~ age + role + trust1 + trust1:female + site_f, data = d)
names(fit$coefficients) <- sub("^site_f", "site", names(fit$coefficients))
s <- summary(fit)
cl <- model.frame(fit)$site_f
ols <- list(
  n = nobs(fit), dfResidual = fit$df.residual, droppedRows = nrow(d) - nobs(fit),
  rSquared = s$r.squared, adjustedRSquared = s$adj.r.squared, sigma = s$sigma,
  fStatistic = unname(s$fstatistic[1]), fPValue = unname(pf(s$fstatistic[1], s$fstatistic[2], s$fstatistic[3], lower.tail = FALSE)),
  classical = coefs(fit, vcov(fit)), hc0 = coefs(fit, vcovHC(fit, "HC0")), hc1 = coefs(fit, vcovHC(fit, "HC1")),
  hc2 = coefs(fit, vcovHC(fit, "HC2")), hc3 = coefs(fit, vcovHC(fit, "HC3")),
  # Cluster-robust by site: the CR1 small-sample factor G/(G-1) * (n-1)/(n-k) (sandwich's default, as Stata).
  clusterSite = coefs(fit, vcovCL(fit, cluster = cl, type = "HC1")))
# Without an intercept, a simple two-predictor model.
fit0 <- lm(satisfaction ~ 0 + age + trust1, data = d)
s0 <- summary(fit0)
ols$noIntercept <- list(coefficients = coefs(fit0, vcov(fit0)), rSquared = s0$r.squared, n = nobs(fit0))

# logit: engaged ~ age + role + satisfaction, converged far beyond glm's default 1e-8 (whose SEs are only good
# to about 7 digits, being computed at the weights of the last-but-one iteration).
lfit <- glm(engaged ~ age + role + satisfaction, data = d, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
null <- glm(engaged ~ 1, data = model.frame(lfit), family = binomial)
logit <- list(n = nobs(lfit), dfResidual = lfit$df.residual, coefficients = coefs(lfit, vcov(lfit), "z"),
  logLikelihood = as.numeric(logLik(lfit)), aic = AIC(lfit), mcFaddenR2 = 1 - as.numeric(logLik(lfit)) / as.numeric(logLik(null)))

# describe: age and satisfaction, overall and by role; quantiles of type 7; skewness and kurtosis of types 1-3 (e1071 names).
desc1 <- function(x, name, group) {
  m <- sum(is.na(x)); x <- x[!is.na(x)]; k <- length(x)
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(name = name, group = group, n = k, missing = m, mean = mean(x), sd = sd(x), se = sd(x) / sqrt(k),
    min = min(x), q1 = q[1], median = q[2], q3 = q[3], max = max(x),
    skewness1 = skew(x, type = 1), skewness2 = skew(x, type = 2), skewness3 = skew(x, type = 3),
    kurtosis1 = kurtosi(x, type = 1), kurtosis2 = kurtosi(x, type = 2), kurtosis3 = kurtosi(x, type = 3))
}
describe_all <- list(); describe_by <- list()
for (v in c("age", "satisfaction")) {
  describe_all[[length(describe_all) + 1]] <- desc1(d[[v]], v, NULL)
  for (g in sort(unique(d$role))) describe_by[[length(describe_by) + 1]] <- desc1(d[[v]][d$role == g], v, g)
}

# alpha of trust1..trust4 (no missing cells); omega total from a one-factor model, ML (factanal) and minres (psych::fa).
items <- d[, c("trust1", "trust2", "trust3", "trust4")]
a <- psych::alpha(items, warnings = FALSE)
omega_of <- function(l, u) sum(l)^2 / (sum(l)^2 + sum(u))
fa_ml <- factanal(items, 1); fa_mr <- psych::fa(items, 1, fm = "minres")
alpha <- list(n = nrow(items), alpha = a$total$raw_alpha, standardizedAlpha = a$total$std.alpha,
  omegaMl = omega_of(fa_ml$loadings[, 1], fa_ml$uniquenesses), omegaMinres = omega_of(fa_mr$loadings[, 1], fa_mr$uniquenesses),
  items = data.frame(name = names(items), correctedItemTotal = a$item.stats$r.drop, alphaIfDeleted = a$alpha.drop$raw_alpha))

# ttest: satisfaction by female ("no" minus "yes"), Welch and pooled.
tt <- function(eq) { r <- t.test(satisfaction ~ female, data = d, var.equal = eq)
  list(t = unname(r$statistic), df = unname(r$parameter), pValue = r$p.value,
       meanDifference = unname(r$estimate[1] - r$estimate[2]), ciLower = r$conf.int[1], ciUpper = r$conf.int[2]) }
ttest <- list(welch = tt(FALSE), pooled = tt(TRUE))

# anova: satisfaction by role.
av <- anova(lm(satisfaction ~ role, data = d))
anova <- list(dfBetween = av$Df[1], dfWithin = av$Df[2], ssBetween = av$`Sum Sq`[1], ssWithin = av$`Sum Sq`[2],
  msBetween = av$`Mean Sq`[1], msWithin = av$`Mean Sq`[2], f = av$`F value`[1], pValue = av$`Pr(>F)`[1],
  etaSquared = av$`Sum Sq`[1] / sum(av$`Sum Sq`))

# chisq: role by female, no continuity correction (the table is 3 x 2).
tab <- table(d$role, d$female)
cs <- suppressWarnings(chisq.test(tab, correct = FALSE))
chisq <- list(chiSquare = unname(cs$statistic), df = unname(cs$parameter), pValue = cs$p.value,
  cramersV = sqrt(unname(cs$statistic) / (sum(tab) * (min(dim(tab)) - 1))), minExpected = min(cs$expected))

# corr: age, satisfaction, trust1, trust2 with pairwise complete cases.
cols <- c("age", "satisfaction", "trust1", "trust2")
corr_of <- function(method) {
  k <- length(cols); r <- matrix(1, k, k); p <- matrix(0, k, k); nn <- matrix(0, k, k)
  for (i in 1:k) for (j in 1:k) {
    ok <- complete.cases(d[[cols[i]]], d[[cols[j]]]); nn[i, j] <- sum(ok)
    if (i != j) { ct <- suppressWarnings(cor.test(d[[cols[i]]][ok], d[[cols[j]]][ok], method = method, exact = FALSE))
      r[i, j] <- unname(ct$estimate); p[i, j] <- ct$p.value }
  }
  list(method = method, columns = cols, r = r, n = nn, p = p)
}
corr <- list(pearson = corr_of("pearson"), spearman = corr_of("spearman"))

out <- list(r = R.version.string, ols = ols, logit = logit, describe = list(all = describe_all, byRole = describe_by),
  alpha = alpha, ttest = ttest, anova = anova, chisq = chisq, corr = corr)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, dataframe = "rows", matrix = "rowmajor", pretty = TRUE), "reference.json")
