package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Turns a driver's {@link SQLException} into the right {@link ConnectorException}, by
 * SQLState class (and, for Oracle and MariaDB, vendor error codes where the SQLState is
 * too general):
 * <ul>
 *   <li>08 (connection), 40001 / 40P01 (serialization failure, deadlock), 57014 / 57P0x
 *       (statement cancelled or timed out, server shutting down), 53 (insufficient resources),
 *       {@link SQLTransientException}, {@link SQLRecoverableException} and
 *       {@link SQLTimeoutException}: retriable;</li>
 *   <li>28 and Oracle ORA-01017 / ORA-28000: permanent, "bad credentials";</li>
 *   <li>42 (undefined table or column, syntax, privileges), Oracle ORA-00942 / ORA-00904, and
 *       anything else: permanent.</li>
 * </ul>
 * Messages name the operation, the SQLState and the driver's message with the password
 * removed; never the URL's options or the credentials.
 */
public final class JdbcErrorClassifier {

    private static final int MAX_MESSAGE = 300;
    private static final Set<Integer> ORACLE_AUTH = Set.of(1017, 28000, 1005);
    private static final Set<Integer> ORACLE_NOT_FOUND = Set.of(942, 904, 4043);
    private static final Set<Integer> ORACLE_TRANSIENT = Set.of(1013, 60, 8177, 12514, 12516, 12519, 12520, 12528, 12537,
            12541, 12543, 17002, 17008, 17410);

    /** MariaDB lock wait timeout; its SQLState is the general HY000. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;

    private final JdbcDialect dialect;
    private final String password;

    public JdbcErrorClassifier(JdbcDialect dialect, String password) {
        this.dialect = dialect;
        this.password = password;
    }

    public ConnectorException classify(SQLException e, String what) {
        String detail = what + " failed (" + describe(e) + ")";
        return switch (outcome(e)) {
            case BAD_CREDENTIALS -> new ConnectorException("database rejected the credentials (bad credentials): " + detail);
            case UNREACHABLE -> new RetriableConnectorException(detail);
            case NOT_FOUND -> new ConnectorException("table or column not found or not readable: " + detail);
            default -> new ConnectorException(detail);
        };
    }

    /** The outcome a connection test reports; {@link Outcome#UNREACHABLE} for every retriable failure. */
    public Outcome outcome(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean oracle = dialect instanceof OracleDialect;
        int code = e.getErrorCode();
        if (state.startsWith("28") || oracle && ORACLE_AUTH.contains(code)) {
            return Outcome.BAD_CREDENTIALS;
        }
        if (retriable(e, state) || oracle && ORACLE_TRANSIENT.contains(code)
                || dialect instanceof MariadbDialect && code == MARIADB_LOCK_WAIT_TIMEOUT) {
            return Outcome.UNREACHABLE;
        }
        if (state.startsWith("42") || oracle && ORACLE_NOT_FOUND.contains(code)) {
            return Outcome.NOT_FOUND;
        }
        return Outcome.SOURCE_ERROR;
    }

    /** SQLState and the driver's message, shortened, without the password. */
    public String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (password != null && !password.isEmpty()) {
            message = message.replace(password, "****");
        }
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "...";
        }
        return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + message.strip();
    }

    private static boolean retriable(SQLException e, String state) {
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || e instanceof SQLTimeoutException
                || state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01") || state.equals("57014")
                || state.equals("HYT00") || state.equals("70100");
    }
}
