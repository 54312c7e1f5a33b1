# Reference numbers for the influence of a point (issue 22, class 2): leverage, Cook's distance and the
# least-squares line refitted without the point, as R computes them, on data sets made to break a
# closed-form downdate. Run from the repository root:
#   Rscript tests/r/influence.R > tests/unit/influence-reference.json
# Writes JSON by hand (base R only). For each data set and each row: whether the refit exists (the
# other rows do not all share one x), and if so R's refit slope and intercept; the hat value and Cook's
# distance where R gives finite ones.

num <- function(v) ifelse(is.finite(v), sprintf("%.17g", v), "null")
vec <- function(v) paste0("[", paste(num(v), collapse = ", "), "]")

sets <- list(
  # Every other x equal: the last point has leverage 1, and no line exists without it.
  list(name = "leverage one", x = c(22.5, 22.5, 22.5, 22.5, 22.5, 22.5, 22.5, 30.1),
       y = c(61.2, 70.4, 66.0, 58.9, 73.3, 64.8, 69.1, 52.0)),
  # Every other x equal to 0.1, whose mean is not exactly 0.1 in floating point.
  list(name = "leverage one at 0.1", x = c(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.3),
       y = c(1, 2, 3, 4, 5, 6, 7, 8)),
  # One x of 1e9 among BMIs: removing it from the running sums cancels catastrophically.
  list(name = "one x at 1e9", x = c(20.6, 26.4, 24.6, 27.6, 22.3, 25.1, 29.8, 1e9),
       y = c(52.8, 76.8, 75.5, 84.6, 56.7, 67.0, 80.1, 61.0)),
  # BMIs at an offset of 1e8: centred sums are needed for any digit to survive. R's lm would drop x
  # there as collinear with the intercept, so it is fitted on x − 1e8 (same slope, hat values and Cook's
  # distances; the intercept moved back by slope × 1e8).
  list(name = "offset 1e8", shift = 1e8, x = 1e8 + c(20.6, 26.4, 24.6, 27.6, 22.3, 25.1, 29.8, 23.9),
       y = c(52.8, 76.8, 75.5, 84.6, 56.7, 67.0, 80.1, 61.0)),
  # A point far out whose removal changes the slope's sign.
  list(name = "one far point", x = c(1, 2, 3, 4, 5, 1000),
       y = c(5, 4, 3, 2, 1, 900))
)

cat("[\n")
for (s in seq_along(sets)) {
  d <- sets[[s]]
  n <- length(d$x)
  shift <- if (is.null(d$shift)) 0 else d$shift
  fit <- lm(y ~ x, data = data.frame(x = d$x - shift, y = d$y))
  hat <- hatvalues(fit)
  cook <- cooks.distance(fit)
  defined <- logical(n); slope <- rep(NA, n); intercept <- rep(NA, n)
  for (i in 1:n) {
    rest <- d$x[-i]
    defined[i] <- length(unique(rest)) > 1
    if (defined[i]) {
      refit <- coef(lm(y ~ x, data = data.frame(x = rest - shift, y = d$y[-i])))
      slope[i] <- refit[[2]]; intercept[i] <- refit[[1]] - refit[[2]] * shift
    }
  }
  # R reports leverage 1 as (numerically) 1 and Cook's distance NaN or Inf there: null in JSON.
  hat[!defined] <- NA; cook[!defined] <- NA
  cat(sprintf('  {\n    "name": "%s",\n    "x": %s,\n    "y": %s,\n    "refitDefined": [%s],\n    "refitSlope": %s,\n    "refitIntercept": %s,\n    "leverage": %s,\n    "cooksDistance": %s\n  }%s\n',
              d$name, vec(d$x), vec(d$y), paste(ifelse(defined, "true", "false"), collapse = ", "),
              vec(slope), vec(intercept), vec(hat), vec(cook), ifelse(s < length(sets), ",", "")))
}
cat("]\n")
