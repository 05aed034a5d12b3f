# Reference values for the regression tests of CoproSurvey.Core/Statistics.
# Run from this folder with: Rscript make_reference.R
# Writes data.csv, collinear.csv, separation.csv, quasi_separation.csv and the *_ref.csv files beside it.
suppressPackageStartupMessages(library(sandwich))
options(digits = 17)
fmt <- function(x) trimws(formatC(x, digits = 17, format = "g"))

set.seed(20261129)
n <- 400
country_levels <- c("BE", "DE", "FR", "NL", "UK")
field_levels <- c("education", "health", "housing")
d <- data.frame(
  x1 = round(rnorm(n, 50, 10), 2),
  x2 = round(rnorm(n, 0, 1), 3),
  country = sample(country_levels, n, replace = TRUE, prob = c(.3, .25, .2, .15, .1)),
  field = sample(field_levels, n, replace = TRUE),
  cluster = sprintf("c%02d", sample(1:25, n, replace = TRUE)),
  stringsAsFactors = FALSE)
ce <- c(BE = 0, DE = 1.5, FR = -0.8, NL = 2.1, UK = 0.4)
fe <- c(education = 0, health = 1.2, housing = -0.6)
cluster_effect <- rnorm(25, 0, 1)[as.integer(substr(d$cluster, 2, 3))]
d$y <- round(3 + 0.08 * d$x1 + 1.1 * d$x2 + ce[d$country] + fe[d$field] +
  0.03 * d$x1 * (d$field == "health") + cluster_effect +
  rnorm(n, 0, 0.5 + 0.6 * abs(d$x2)), 4)
eta <- -4 + 0.07 * d$x1 + 0.5 * d$x2 + 0.6 * (d$field == "health")
d$adopt <- rbinom(n, 1, plogis(eta))
# Missing values scattered over the columns the models use.
d$x1[sample(n, 8)] <- NA
d$y[sample(n, 6)] <- NA
d$country[sample(n, 5)] <- NA
d$cluster[sample(n, 7)] <- NA
d$adopt[sample(n, 4)] <- NA
d <- d[, c("y", "x1", "x2", "country", "field", "cluster", "adopt")]
write.csv(d, "data.csv", row.names = FALSE, na = "")

write_coef <- function(fit, file, extra = list()) {
  s <- summary(fit)$coefficients
  ci <- confint(fit)
  out <- data.frame(term = rownames(s), estimate = fmt(s[, 1]), se = fmt(s[, 2]),
    statistic = fmt(s[, 3]), p = fmt(s[, 4]),
    ci_low = fmt(ci[rownames(s), 1]), ci_high = fmt(ci[rownames(s), 2]))
  for (nm in names(extra)) out[[nm]] <- fmt(extra[[nm]][rownames(s)])
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}
write_summary <- function(values, file) {
  write.csv(data.frame(key = names(values), value = sapply(values, fmt)), file, row.names = FALSE, quote = FALSE)
}
lm_summary <- function(fit) {
  s <- summary(fit)
  list(n = nobs(fit), df_residual = fit$df.residual, r_squared = s$r.squared,
    adj_r_squared = s$adj.r.squared, sigma = s$sigma, f = s$fstatistic[[1]],
    f_df1 = s$fstatistic[[2]], f_df2 = s$fstatistic[[3]],
    f_p = pf(s$fstatistic[[1]], s$fstatistic[[2]], s$fstatistic[[3]], lower.tail = FALSE),
    dropped_rows = length(fit$na.action), rss = sum(residuals(fit)^2))
}

# Model A: numeric, categorical and a numeric x categorical interaction, with HC0-HC3.
fa <- lm(y ~ x1 + x2 + country + field + x1:field, data = d)
hc <- lapply(c("HC0", "HC1", "HC2", "HC3"), function(t) sqrt(diag(vcovHC(fa, type = t))))
names(hc) <- c("se_hc0", "se_hc1", "se_hc2", "se_hc3")
write_coef(fa, "lm_a_coef.csv", hc)
write_summary(lm_summary(fa), "lm_a_summary.csv")
write.csv(data.frame(residual = fmt(residuals(fa)), fitted = fmt(fitted(fa)),
  leverage = fmt(hatvalues(fa))), "lm_a_residuals.csv", row.names = FALSE, quote = FALSE)

# Model A on the rows with a cluster, with the cluster-robust covariance (vcovCL, HC1, cadjust).
dc <- d[!is.na(d$cluster), ]
fc <- lm(y ~ x1 + x2 + country + field + x1:field, data = dc)
vc <- vcovCL(fc, cluster = ~cluster, type = "HC1", cadjust = TRUE)
write_coef(fc, "lm_cluster_coef.csv", list(se_cl = sqrt(diag(vc))))
write_summary(c(lm_summary(fc), list(clusters = length(unique(dc[rownames(model.frame(fc)), "cluster"])))), "lm_cluster_summary.csv")
write.csv(data.frame(row1 = rep(seq_len(ncol(vc)), ncol(vc)), row2 = rep(seq_len(ncol(vc)), each = ncol(vc)),
  value = fmt(as.vector(vc))), "lm_cluster_vcov.csv", row.names = FALSE, quote = FALSE)

# Model B: numeric x numeric and categorical x categorical interactions.
fb <- lm(y ~ x1 * x2 + country * field, data = d)
write_coef(fb, "lm_b_coef.csv", list(se_hc3 = sqrt(diag(vcovHC(fb, type = "HC3")))))
write_summary(lm_summary(fb), "lm_b_summary.csv")

# Model C: no intercept (uncentred R squared and F).
fn <- lm(y ~ 0 + x1 + x2, data = d)
write_coef(fn, "lm_noint_coef.csv")
write_summary(lm_summary(fn), "lm_noint_summary.csv")

# Collinear design: x3 = x1 + 2 x2 is aliased, R reports NA for it.
set.seed(7)
m <- 60
dl <- data.frame(x1 = round(rnorm(m, 10, 2), 3), x2 = round(rnorm(m, 5, 1), 3))
dl$x3 <- dl$x1 + 2 * dl$x2
dl$y <- round(1 + 0.5 * dl$x1 - 0.3 * dl$x2 + rnorm(m, 0, 0.4), 4)
write.csv(dl, "collinear.csv", row.names = FALSE)
fl <- lm(y ~ x1 + x2 + x3, data = dl)
write_coef(fl, "collinear_coef.csv")
write_summary(c(lm_summary(fl), list(aliased = paste(names(coef(fl))[is.na(coef(fl))], collapse = ";"))),
  "collinear_summary.csv")

# Logistic regression (glm binomial), converged tightly so that the reference is exact.
gl <- glm(adopt ~ x1 + x2 + field, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
# summary.glm takes the weights of the iteration before the last, whose coefficients still differ from the final ones
# by about the square root of the deviance criterion (1e-7): the information matrix is evaluated at the estimate itself.
X <- model.matrix(gl)
w <- gl$fitted.values * (1 - gl$fitted.values)
se <- sqrt(diag(solve(crossprod(X * sqrt(w)))))
sg <- cbind(coef(gl), se, coef(gl) / se, 2 * pnorm(-abs(coef(gl) / se)))
write.csv(data.frame(term = rownames(sg), estimate = fmt(sg[, 1]), se = fmt(sg[, 2]), z = fmt(sg[, 3]),
  p = fmt(sg[, 4]), se_summary_glm = fmt(summary(gl)$coefficients[, 2]), odds_ratio = fmt(exp(sg[, 1])), or_low = fmt(exp(sg[, 1] - qnorm(0.975) * sg[, 2])),
  or_high = fmt(exp(sg[, 1] + qnorm(0.975) * sg[, 2]))), "glm_coef.csv", row.names = FALSE, quote = FALSE)
write_summary(list(n = nobs(gl), log_likelihood = as.numeric(logLik(gl)), null_deviance = gl$null.deviance,
  residual_deviance = gl$deviance, aic = AIC(gl), df_null = gl$df.null, df_residual = gl$df.residual,
  mcfadden = 1 - gl$deviance / gl$null.deviance, dropped_rows = length(gl$na.action)), "glm_summary.csv")

# Complete separation: x alone predicts the outcome; glm warns.
ds <- data.frame(x = 1:20, z = round(sin(1:20), 4), y = as.integer(1:20 > 10))
write.csv(ds, "separation.csv", row.names = FALSE)
w <- NULL
invisible(withCallingHandlers(glm(y ~ x + z, family = binomial, data = ds),
  warning = function(e) { w <<- c(w, conditionMessage(e)); invokeRestart("muffleWarning") }))
writeLines(w, "separation_warnings.txt")

# Quasi-complete separation: the classes overlap at x = 10 only.
dq <- data.frame(x = c(1:10, 10:19), y = c(rep(0L, 10), rep(1L, 10)))
write.csv(dq, "quasi_separation.csv", row.names = FALSE)
w <- NULL
invisible(withCallingHandlers(glm(y ~ x, family = binomial, data = dq),
  warning = function(e) { w <<- c(w, conditionMessage(e)); invokeRestart("muffleWarning") }))
writeLines(if (is.null(w)) character(0) else w, "quasi_separation_warnings.txt")
