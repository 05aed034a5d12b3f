# Loads an export bundle of the demo study with the bundle's own load.R and writes what R finds:
#   scale_means.csv  every scale score column of data.csv: responses with a score, and their mean (%.17g)
#   load_check.csv   columns of data.csv, columns load.R labelled, and columns whose factor levels are the codebook's value labels
# The bundle was made from the repository root with (Release build; the seed fixes the answers, the times vary):
#   dotnet CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll seed-demo --responses 300 --seed 2027 --database /tmp/exp-demo/demo.db
#   dotnet CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll export --study coproduction --out /tmp/exp-demo/bundle --database /tmp/exp-demo/demo.db
# then, from this directory: Rscript scale_means.R /tmp/exp-demo/bundle   (and load.R here is a copy of the bundle's)
args <- commandArgs(trailingOnly = TRUE)
here <- getwd()
setwd(args[1])
source("load.R", encoding = "UTF-8")
codebook <- read.csv("codebook.csv", fileEncoding = "UTF-8", stringsAsFactors = FALSE, na.strings = NULL)
header <- names(read.csv("data.csv", nrows = 1, check.names = FALSE))
setwd(here)

scales <- codebook$variable[codebook$type == "scale score"]
means <- data.frame(
  scale = scales,
  n = vapply(scales, function(s) sum(!is.na(survey[[s]])), numeric(1)),
  mean = vapply(scales, function(s) sprintf("%.17g", mean(survey[[s]], na.rm = TRUE)), character(1)),
  row.names = NULL)
write.csv(means, "scale_means.csv", row.names = FALSE, quote = FALSE)

labelled <- codebook[codebook$file == "data.csv" & codebook$value_labels != "", ]
expected_levels <- lapply(strsplit(labelled$value_labels, "; ", fixed = TRUE), function(x) sub("^[^=]+ = ", "", x))
matching <- mapply(function(v, lv) identical(levels(survey[[v]]), lv), labelled$variable, expected_levels)
check <- data.frame(
  rows = nrow(survey),
  columns = length(header),
  labelled_columns = sum(vapply(header, function(v) !is.null(attr(survey[[v]], "label")), logical(1))),
  columns_with_value_labels = nrow(labelled),
  factors_matching_codebook = sum(matching))
write.csv(check, "load_check.csv", row.names = FALSE, quote = FALSE)
