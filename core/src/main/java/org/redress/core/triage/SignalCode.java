package org.redress.core.triage;

/** What triage can find in a complaint's text; each raises priority or routes by its weight. */
public enum SignalCode {
    ANGER, INSULT, THREAT_CHARGEBACK, THREAT_LEGAL, THREAT_REGULATOR, THREAT_PUBLIC, CHURN_RISK, REPEAT_ISSUE,
    MONEY_CLAIM, OUTAGE, CONTRACT_CITED, EXECUTIVE_ESCALATION
}
