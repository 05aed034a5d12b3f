# Reference values of the measurement view (MeasurementCalculatorTests): a scale of four items on 1-5, x3 reverse-keyed,
# recoded as 1 + 5 - x3 before anything is computed. Groups: BE (complete cases only) and every country together.
# Run from this directory: Rscript measurement.R   (R 4.2.2, psych 2.x; writes measurement_reference.csv)
library(psych)
d <- read.csv("measurement.csv", stringsAsFactors = FALSE)
d$x3 <- 1 + 5 - d$x3
items <- c("x1", "x2", "x3", "x4")
out <- data.frame(group = character(), statistic = character(), item = character(), value = character())
add <- function(group, statistic, item, value) {
  out[nrow(out) + 1, ] <<- c(group, statistic, item, sprintf("%.17g", value))
}
for (group in c("BE", "all")) {
  x <- if (group == "all") d[, items] else d[d$country == group, items]
  x <- x[complete.cases(x), ]
  a <- psych::alpha(x, check.keys = FALSE, warnings = FALSE)
  add(group, "n", "", nrow(x))
  add(group, "alpha", "", a$total$raw_alpha)
  f <- factanal(covmat = cor(x), factors = 1)
  l <- as.vector(f$loadings)
  add(group, "omega", "", sum(l)^2 / (sum(l)^2 + sum(f$uniquenesses)))
  for (i in items) {
    add(group, "mean", i, mean(x[[i]]))
    add(group, "sd", i, sd(x[[i]]))
    add(group, "r_drop", i, a$item.stats[i, "r.drop"])
    add(group, "alpha_if_deleted", i, a$alpha.drop[i, "raw_alpha"])
  }
}
write.csv(out, "measurement_reference.csv", row.names = FALSE, quote = FALSE)
