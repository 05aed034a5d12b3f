# Reference values for the dashboards' calculators, from dashboards.csv (33 respondents, 3 mirror scales, 3 countries).
#   gap.csv          per scale: over the reported countries ("all"), then per country: n and mean of each side, and
#                    Welch's t.test of professional minus citizen (estimate, 95% interval, df, p). A country where a side
#                    has 1 to 4 values of the scale is suppressed (a row of NA, suppressed = 1) and left out of "all".
#   correlation.csv  every pair of the three scales over all respondents, pairwise complete: Pearson and Spearman r, n
#                    and the two-tailed p of cor.test (Spearman with exact = FALSE, the t approximation)
# Run from this directory: Rscript make_reference.R
d <- read.csv("dashboards.csv", stringsAsFactors = FALSE)
scales <- c("mirror_will", "mirror_comp", "mirror_value")
f <- function(x) sprintf("%.17g", x)

gap_row <- function(scale, group, rows) {
  cit <- rows[[scale]][rows$audience == "citizen"]
  pro <- rows[[scale]][rows$audience == "professional"]
  cit <- cit[!is.na(cit)]
  pro <- pro[!is.na(pro)]
  t <- t.test(pro, cit, var.equal = FALSE)
  data.frame(scale = scale, group = group, n_citizen = length(cit), mean_citizen = f(mean(cit)),
             n_professional = length(pro), mean_professional = f(mean(pro)), gap = f(unname(t$estimate[1] - t$estimate[2])),
             lower = f(t$conf.int[1]), upper = f(t$conf.int[2]), df = f(unname(t$parameter)), p = f(t$p.value))
}

minimum <- 5
suppressed_row <- function(scale, group) {
  data.frame(scale = scale, group = group, n_citizen = NA, mean_citizen = NA, n_professional = NA, mean_professional = NA,
             gap = NA, lower = NA, upper = NA, df = NA, p = NA, suppressed = 1)
}
gaps <- do.call(rbind, lapply(scales, function(s) {
  countries <- unique(d$country)
  n <- function(g, a) sum(!is.na(d[[s]][d$country == g & d$audience == a]))
  small <- function(k) k > 0 && k < minimum
  hidden <- vapply(countries, function(g) small(n(g, "citizen")) || small(n(g, "professional")), logical(1))
  per <- lapply(countries, function(g) if (hidden[[g]]) suppressed_row(s, g) else cbind(gap_row(s, g, d[d$country == g, ]), suppressed = 0))
  rbind(cbind(gap_row(s, "all", d[d$country %in% countries[!hidden], ]), suppressed = 0), do.call(rbind, per))
}))
write.csv(gaps, "gap.csv", row.names = FALSE, quote = FALSE)

pairs <- combn(scales, 2)
cors <- do.call(rbind, lapply(seq_len(ncol(pairs)), function(k) {
  x <- d[[pairs[1, k]]]
  y <- d[[pairs[2, k]]]
  ok <- !is.na(x) & !is.na(y)
  p <- cor.test(x[ok], y[ok], method = "pearson")
  s <- suppressWarnings(cor.test(x[ok], y[ok], method = "spearman", exact = FALSE))
  data.frame(a = pairs[1, k], b = pairs[2, k], n = sum(ok), pearson_r = f(unname(p$estimate)), pearson_p = f(p$p.value),
             spearman_r = f(unname(s$estimate)), spearman_p = f(s$p.value))
}))
write.csv(cors, "correlation.csv", row.names = FALSE, quote = FALSE)
