# The R side of the whole-process benchmark: read the CSV with data.table::fread, fit lm(y ~ x1 + ... + x20) and
# compute HC3 standard errors with sandwich::vcovHC; print the coefficients as JSON in the shape of
# `analyze ols --json` (term, estimate, stdError). Usage: Rscript ols.R big.csv
suppressPackageStartupMessages({ library(data.table); library(sandwich); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
d <- fread(if (length(args) > 0) args[1] else "big.csv")
fit <- lm(y ~ ., data = d)
se <- sqrt(diag(vcovHC(fit, type = "HC3")))
est <- coef(fit)
out <- list(n = nobs(fit), seType = "hc3",
  coefficients = data.frame(term = names(est), estimate = unname(est), stdError = unname(se)))
cat(toJSON(out, digits = I(17), auto_unbox = TRUE, dataframe = "rows"), "\n")
