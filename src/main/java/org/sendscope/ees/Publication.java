package org.sendscope.ees;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A publication of the EES API ({@code PublicationSummaryViewModel}): "Education, health and care
 * plans", "Special educational needs in England", with the data sets it offers through the API.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Publication(String id, String title, String slug, String summary, String lastPublished) {
}
