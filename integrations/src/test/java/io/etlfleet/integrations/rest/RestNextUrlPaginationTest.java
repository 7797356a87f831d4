package io.etlfleet.integrations.rest;

import tools.jackson.databind.node.ObjectNode;

/** {@code next_url}: records at {@code /data}, the next page's relative URL at {@code /links/next}. */
class RestNextUrlPaginationTest extends RestPaginationContract {

    @Override
    protected String style() {
        return "next";
    }

    @Override
    protected void paginate(ObjectNode stream) {
        stream.put("records_path", "data");
        stream.putObject("pagination").put("type", "next_url").put("next_url_path", "/links/next");
        stream.putObject("params").put("per_page", PAGE);
    }
}
