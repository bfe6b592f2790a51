package org.redress.core.remedy;

/** What the desk can offer to put a complaint right. */
public enum RemedyKind { REFUND, CREDIT, REPLACEMENT, REPAIR, VOUCHER, APOLOGY_ONLY }
