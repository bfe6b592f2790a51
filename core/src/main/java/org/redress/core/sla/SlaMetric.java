package org.redress.core.sla;

/** What an SLA clock measures. */
public enum SlaMetric { ACKNOWLEDGEMENT, FIRST_RESPONSE, NEXT_UPDATE, RESOLUTION }
