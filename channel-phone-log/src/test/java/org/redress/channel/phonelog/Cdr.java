package org.redress.channel.phonelog;

/** Asterisk cdr_csv lines (18 columns: loguniqueid and loguserfield on) of our own making. */
final class Cdr {

    private Cdr() {
    }

    static String in(String src, String name, String start, String disposition, String uniqueid, String userfield) {
        boolean answered = disposition.equals("ANSWERED");
        return "\"\",\"" + src + "\",\"100\",\"from-trunk\",\"\"\"" + name + "\"\" <" + src + ">\","
                + "\"PJSIP/trunk-01\",\"" + (answered ? "PJSIP/201-02" : "") + "\",\"Dial\",\"PJSIP/201,30,tT\","
                + "\"" + start + "\"," + (answered ? "\"" + start + "\"" : "") + ",\"" + start + "\","
                + "60," + (answered ? "55" : "0") + ",\"" + disposition + "\",\"DOCUMENTATION\","
                + "\"" + uniqueid + "\",\"" + userfield + "\"\n";
    }

    static String out(String ext, String agent, String dst, String start, String uniqueid, String userfield) {
        return "\"sales\",\"" + ext + "\",\"" + dst + "\",\"from-internal\",\"\"\"" + agent + "\"\" <" + ext + ">\","
                + "\"PJSIP/" + ext + "-0b\",\"PJSIP/trunk-0c\",\"Dial\",\"PJSIP/" + dst + "@trunk,60\","
                + "\"" + start + "\",\"" + start + "\",\"" + start + "\",280,268,\"ANSWERED\",\"BILLING\","
                + "\"" + uniqueid + "\",\"" + userfield + "\"\n";
    }
}
