package io.etlfleet.integrations.rest;

import tools.jackson.databind.node.ObjectNode;

/** {@code page}: records at {@code /data/records}, {@code page} from 1 and {@code per_page} (the defaults). */
class RestPagePaginationTest extends RestPaginationContract {

    @Override
    protected String style() {
        return "page";
    }

    @Override
    protected void paginate(ObjectNode stream) {
        stream.put("records_path", "/data/records");
        stream.putObject("pagination").put("type", "page").put("size", PAGE);
    }

    @Override
    protected boolean positional() {
        return true;
    }
}
