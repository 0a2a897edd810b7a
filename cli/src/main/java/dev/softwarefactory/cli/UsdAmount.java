package dev.softwarefactory.cli;

import picocli.CommandLine;

/** --investment: a finite, non-negative number of US dollars (Java's parser also takes NaN and Infinity). */
final class UsdAmount implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double amount;
        try {
            amount = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            amount = Double.NaN;
        }
        if (!Double.isFinite(amount) || amount < 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an amount of US dollars"
                    + " (a number >= 0, e.g. 2.50; 0 means no limit)");
        }
        return amount;
    }
}
