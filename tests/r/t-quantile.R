# The 95% two-sided Student-t quantile, qt(0.975, df), as R gives it (issue 22, class 4): what the
# weights file's check (src/core/stats/t-quantile-95.ts: the exact series solved up to 30 degrees of
# freedom, the Cornish-Fisher expansion above) is tested against. Run from the repository root:
#   Rscript tests/r/t-quantile.R > tests/unit/t-quantile-reference.json
num <- function(v) sprintf("%.17g", v)
small <- 1:30
large <- c(31, 32, 35, 40, 50, 60, 75, 100, 120, 161, 200, 250, 500, 1000, 2000, 5000, 10000, 1e5, 1e6, 1e7, 1e9)
cat("{\n")
cat(sprintf('  "table": [%s],\n', paste(num(qt(0.975, small)), collapse = ", ")))
cat(sprintf('  "df": [%s],\n', paste(num(large), collapse = ", ")))
cat(sprintf('  "quantile": [%s]\n', paste(num(qt(0.975, large)), collapse = ", ")))
cat("}\n")
