package io.etlfleet.integrations.rest;

import tools.jackson.databind.node.ObjectNode;

/** {@code offset}: records at {@code /items}, {@code offset} and {@code limit} (the defaults). */
class RestOffsetPaginationTest extends RestPaginationContract {

    @Override
    protected String style() {
        return "offset";
    }

    @Override
    protected void paginate(ObjectNode stream) {
        stream.put("records_path", "/items");
        stream.putObject("pagination").put("type", "offset").put("limit", PAGE);
    }

    @Override
    protected boolean positional() {
        return true;
    }
}
