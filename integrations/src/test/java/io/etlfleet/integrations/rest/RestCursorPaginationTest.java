package io.etlfleet.integrations.rest;

import tools.jackson.databind.node.ObjectNode;

/** {@code cursor}: records at {@code /results}, the next token at {@code /meta/next_cursor}, sent as {@code cursor}. */
class RestCursorPaginationTest extends RestPaginationContract {

    @Override
    protected String style() {
        return "cursor";
    }

    @Override
    protected void paginate(ObjectNode stream) {
        stream.put("records_path", "/results");
        stream.putObject("pagination").put("type", "cursor").put("token_path", "/meta/next_cursor")
                .put("token_param", "cursor");
        stream.putObject("params").put("per_page", PAGE);
    }
}
