package io.leadhouse.metaads;

/**
 * One {@code leadgen} change of a webhook delivery: a person submitted a lead form. Every id is
 * text; empty when Meta left it out (organic leads have no ad; the testing tool sends 0).
 *
 * @param leadgenId the lead's id
 * @param pageId the page whose form was submitted
 * @param formId the form
 * @param adId the ad, empty when none
 * @param adgroupId the ad group, empty when none
 * @param createdTime epoch seconds as text, empty when absent
 */
record LeadgenChange(String leadgenId, String pageId, String formId, String adId, String adgroupId,
        String createdTime) {}
