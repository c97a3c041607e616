#pragma once

#include "experiment/experimentrunner.h"

#include <QString>
#include <optional>

namespace ShmScope {

// The "predict" box: the class writes a number before the run, and after it the number is set
// beside what was observed for the experiment's first expectation. QtCore only.
struct PredictionScore {
    bool scored = false; // false: no number given, or nothing observed
    bool exact = false; // the prediction is the observed value (within 1% for a non-integer)
    double predicted = 0;
    double observed = 0;
    QString text; // "You predicted 2 — observed 1", or why it could not be scored
};

// Accepts "2", "20,000", "20 000", "1.5" and "１" (full-width digits); nullopt for anything else.
std::optional<double> parsePrediction(const QString &text);
PredictionScore scorePrediction(const QString &predictionText, const ExperimentOutcome &outcome);

} // namespace ShmScope
