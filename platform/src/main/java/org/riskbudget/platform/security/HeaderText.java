package org.riskbudget.platform.security;

/** The security firewall's rule for header names and values, the same as its default pattern's. */
final class HeaderText {

    private HeaderText() {}

    /**
     * Whether every character is assigned in Unicode and none is a control character: what Spring Security's
     * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} accepts.
     */
    static boolean isAllowed(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
