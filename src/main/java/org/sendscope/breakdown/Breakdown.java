package org.sendscope.breakdown;

/**
 * One breakdown of a measure, as {@code breakdowns.tsv} describes it: {@code age:5-10} is the
 * value {@code 5-10} of the dimension {@code age}, ages 5 to 10, a band (its own group);
 * {@code placement:special_independent} is a detailed placement in the group {@code special} whose
 * DSG management plan category is {@code independent_special}.
 *
 * @param code        as in {@code observations.breakdown}
 * @param dimension   {@code total}, {@code age}, {@code placement}, {@code sex}, …
 * @param value       the value within the dimension
 * @param group       the group the value falls in (the value itself for a group)
 * @param ageFrom     the first year of age of an age breakdown, else null
 * @param ageTo       the last year of age of an age breakdown, else null
 * @param dsgCategory the DSG plan category code of a placement, else null
 * @param label       as SEN2's 2022 release and the DSG plan template head it, or null
 */
public record Breakdown(String code, String dimension, String value, String group, Integer ageFrom, Integer ageTo,
        String dsgCategory, String label) {

    /** True for a group: an age band, a placement group, or a value that has no finer parts. */
    public boolean isGroup() {
        return value.equals(group);
    }

    /** How many years of age the breakdown covers (6 for {@code age:5-10}). */
    public int ageYears() {
        if (ageFrom == null) throw new IllegalStateException(code + " is not an age breakdown");
        return ageTo - ageFrom + 1;
    }
}
