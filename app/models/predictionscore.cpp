#include "predictionscore.h"

#include <QCoreApplication>
#include <cmath>

namespace ShmScope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ShmScope::PredictionScore", text);
}
} // namespace

std::optional<double> parsePrediction(const QString &text)
{
    QString cleaned;
    for (const QChar c : text.trimmed()) {
        if (c == QLatin1Char(',') || c == QLatin1Char(' ') || c == QLatin1Char('_') || c == QChar(0x00A0)
            || c == QChar(0xFF0C)) // a full-width comma from a Chinese input method
            continue;
        if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19) // full-width digits
            cleaned += QChar(u'0' + (c.unicode() - 0xFF10));
        else if (c == QChar(0xFF0E))
            cleaned += QLatin1Char('.');
        else
            cleaned += c;
    }
    bool ok = false;
    const double value = cleaned.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

PredictionScore scorePrediction(const QString &predictionText, const ExperimentOutcome &outcome)
{
    PredictionScore score;
    const std::optional<double> predicted = parsePrediction(predictionText);
    if (!predicted) {
        score.text = predictionText.trimmed().isEmpty()
            ? tr("No prediction was made.")
            : tr("“%1” is not a number: no score.").arg(predictionText.trimmed());
        return score;
    }
    if (outcome.expectations.isEmpty() || !outcome.expectations.first().evaluated) {
        score.text = tr("Nothing was observed to compare with.");
        return score;
    }
    score.scored = true;
    score.predicted = *predicted;
    score.observed = outcome.expectations.first().observed;
    const bool integral = score.observed == std::floor(score.observed);
    score.exact = integral ? score.predicted == score.observed
                           : std::fabs(score.predicted - score.observed) <= 0.01 * std::fabs(score.observed);
    score.text = tr("You predicted %1 — observed %2")
                     .arg(groupedNumber(score.predicted), groupedNumber(score.observed));
    return score;
}

} // namespace ShmScope
