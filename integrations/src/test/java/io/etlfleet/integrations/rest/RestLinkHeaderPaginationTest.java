package io.etlfleet.integrations.rest;

import tools.jackson.databind.node.ObjectNode;

/** {@code link_header}: the body is the array, the next page in {@code Link: <...>; rel="next"}. */
class RestLinkHeaderPaginationTest extends RestPaginationContract {

    @Override
    protected String style() {
        return "link";
    }

    @Override
    protected void paginate(ObjectNode stream) {
        stream.putObject("pagination").put("type", "link_header");
        stream.putObject("params").put("per_page", PAGE);
    }
}
