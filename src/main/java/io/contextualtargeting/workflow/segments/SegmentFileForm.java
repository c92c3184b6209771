package io.contextualtargeting.workflow.segments;

/** The two forms of segment file Pinpoint imports. */
public enum SegmentFileForm {
    /** Endpoint ids, looked up per user (the reference solution's form). */
    ID("Id"),
    /** User ids only: Pinpoint takes every endpoint of each user; no lookups, any segment size. */
    USER_ID("User.UserId");

    private final String header;

    SegmentFileForm(String header) {
        this.header = header;
    }

    /** The CSV header, which is also the name users choose the form by. */
    public String header() {
        return header;
    }

    public static SegmentFileForm fromHeader(String header) {
        for (SegmentFileForm form : values()) {
            if (form.header.equals(header)) {
                return form;
            }
        }
        throw new IllegalArgumentException("segment file form '" + header + "' is not Id or User.UserId");
    }
}
