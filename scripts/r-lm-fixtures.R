# R's summary(lm()) and predict.lm intervals for a few multi-predictor data sets that ship with R,
# written as the test fixtures of bmi-predictor's d-feature statistics (tests/fixtures/r-lm/).
# Run from the repository root: Rscript scripts/r-lm-fixtures.R && npx prettier --write tests/fixtures/r-lm
# (R 4.2.2 from Debian's r-base-core wrote the committed files).
# Writes each data set as CSV (the rows lm used) and every number R gives, to 12 significant digits, as JSON:
# the summary, the intervals at two points, and each row's influence (hatvalues, cooks.distance and the
# coefficients of lm on every other row).
out <- "tests/fixtures/r-lm"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

num <- function(x) trimws(formatC(x, digits = 12, format = "g"))
json_value <- function(x) {
  if (is.null(x)) return("null")
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (length(x) == 1 && is.na(x)) return("null")
  if (length(x) == 1) return(num(x))
  paste0("[", paste(vapply(x, function(v) if (is.na(v)) "null" else num(v), ""), collapse = ", "), "]")
}
json_object <- function(fields) {
  paste0("{", paste(vapply(names(fields), function(k) paste0("\"", k, "\": ", fields[[k]]), ""), collapse = ", "), "}")
}

fixture <- function(name, data, target, features, points) {
  data <- data[, c(target, features)]
  write.csv(data, file.path(out, paste0(name, ".csv")), row.names = FALSE)
  formula <- as.formula(paste(target, "~", paste(features, collapse = " + ")))
  fit <- lm(formula, data = data)
  s <- summary(fit)
  ci <- suppressWarnings(confint(fit, level = 0.95))
  all <- c("(Intercept)", features)
  coefs <- vapply(all, function(term) {
    if (term %in% rownames(s$coefficients)) {
      row <- s$coefficients[term, ]
      json_object(list(
        name = json_value(term), aliased = "false",
        estimate = json_value(row[["Estimate"]]), standardError = json_value(row[["Std. Error"]]),
        t = json_value(row[["t value"]]), p = json_value(row[["Pr(>|t|)"]]),
        low = json_value(ci[term, 1]), high = json_value(ci[term, 2])))
    } else {
      json_object(list(name = json_value(term), aliased = "true"))
    }
  }, "")
  fstat <- if (is.null(s$fstatistic)) c(NA, NA, NA) else s$fstatistic
  preds <- vapply(seq_len(nrow(points)), function(i) {
    p <- points[i, , drop = FALSE]
    pi <- suppressWarnings(predict(fit, newdata = p, interval = "prediction", level = 0.95))
    cf <- suppressWarnings(predict(fit, newdata = p, interval = "confidence", level = 0.95))
    se <- suppressWarnings(predict(fit, newdata = p, se.fit = TRUE))
    json_object(list(
      inputs = json_object(setNames(lapply(features, function(f) json_value(p[[f]])), features)),
      fitted = json_value(pi[1, "fit"]),
      leverage = json_value((se$se.fit / se$residual.scale)^2),
      prediction = json_value(c(pi[1, "lwr"], pi[1, "upr"])),
      confidence = json_value(c(cf[1, "lwr"], cf[1, "upr"]))))
  }, "")
  # The fit without each row in turn, as lm makes it (NA for a coefficient aliased without the row):
  # the intercept first, then every feature in order.
  refits <- vapply(seq_len(nrow(data)), function(i) json_value(unname(coef(lm(formula, data = data[-i, ])))), "")
  text <- json_object(list(
    name = json_value(name),
    formula = json_value(deparse(formula, width.cutoff = 500)),
    target = json_value(target),
    features = paste0("[", paste0("\"", features, "\"", collapse = ", "), "]"),
    rows = json_value(nrow(data)),
    coefficients = paste0("[\n    ", paste(coefs, collapse = ",\n    "), "\n  ]"),
    residualStandardError = json_value(s$sigma),
    degreesOfFreedom = json_value(fit$df.residual),
    r2 = json_value(s$r.squared),
    adjustedR2 = json_value(s$adj.r.squared),
    f = json_value(fstat[[1]]),
    fDf1 = json_value(fstat[[2]]),
    fDf2 = json_value(fstat[[3]]),
    fP = json_value(if (is.na(fstat[[1]])) NA else pf(fstat[[1]], fstat[[2]], fstat[[3]], lower.tail = FALSE)),
    tQuantile = json_value(qt(0.975, fit$df.residual)),
    predictions = paste0("[\n    ", paste(preds, collapse = ",\n    "), "\n  ]"),
    leverage = json_value(unname(hatvalues(fit))),
    cooksDistance = json_value(unname(cooks.distance(fit))),
    refits = paste0("[\n    ", paste(refits, collapse = ",\n    "), "\n  ]")))
  writeLines(gsub("\\{\"name\"", "{\n  \"name\"", text), file.path(out, paste0(name, ".json")))
}

# Data sets R ships (package datasets), each with a point inside its data and one near an edge; each
# point's leverage too, (se.fit / sigma)², which the element compares with the rows' largest.
fixture("mtcars", mtcars, "mpg", c("wt", "hp", "qsec"),
  data.frame(wt = c(3, 5), hp = c(120, 300), qsec = c(18, 15)))
fixture("swiss", swiss, "Fertility", c("Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"),
  data.frame(Agriculture = c(50, 10), Examination = c(16, 35), Education = c(10, 50), Catholic = c(40, 95), Infant.Mortality = c(20, 26)))
# stackloss's third point has every value inside its column's range (Air.Flow 50 to 80, Water.Temp 17
# to 27, Acid.Conc. 72 to 93) but lies outside the data's joint range: its leverage (se.fit / sigma)²
# is above the largest of the rows' hatvalues.
fixture("stackloss", stackloss, "stack.loss", c("Air.Flow", "Water.Temp", "Acid.Conc."),
  data.frame(Air.Flow = c(60, 80, 62), Water.Temp = c(21, 27, 26), Acid.Conc. = c(86, 93, 72)))
fixture("trees", trees, "Volume", c("Girth", "Height"),
  data.frame(Girth = c(13, 20), Height = c(76, 87)))
# One column a linear combination of two others and one constant: lm reports both as not defined
# because of singularities and fits the rest.
collinear <- transform(stackloss, Air.Plus.Water = Air.Flow + 2 * Water.Temp, Plant = 1)
fixture("stackloss-collinear", collinear, "stack.loss", c("Air.Flow", "Water.Temp", "Air.Plus.Water", "Plant", "Acid.Conc."),
  data.frame(Air.Flow = c(60, 80), Water.Temp = c(21, 27), Air.Plus.Water = c(102, 134), Plant = c(1, 1), Acid.Conc. = c(86, 93)))
# One row's Air.Flow far out (1e8, the others 50 to 80): its leverage is 1 − 2e-13, so taking it out
# of the data's cross-products cancels almost every digit, and the refit without it must come from
# the other rows themselves (the influence tests; not one of the summary's data sets).
far <- stackloss
far$Air.Flow[21] <- 1e8
fixture("stackloss-far-point", far, "stack.loss", c("Air.Flow", "Water.Temp", "Acid.Conc."),
  data.frame(Air.Flow = c(60, 80), Water.Temp = c(21, 27), Acid.Conc. = c(86, 93)))
