package dev.tether.engine.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * Database metadata handed out through a {@link ConnectionView}, as a plain delegate of the driver's: each
 * call is counted in flight on its connection, every SQLException from the driver is classified, and the
 * result sets it returns are wrapped and listed in the connection's {@link OpenStatements}, since no
 * statement of ours closes them.
 * <p>
 * Below the first methods, every method is the same mechanical delegation, one per JDBC method.
 */
final class TrackedMetaData implements DatabaseMetaData {
    private final DatabaseMetaData delegate;
    private final ConnectionView view;
    private final OpenStatements openStatements;

    TrackedMetaData(DatabaseMetaData delegate, ConnectionView view, OpenStatements openStatements) {
        this.delegate = delegate;
        this.view = view;
        this.openStatements = openStatements;
    }

    private void checkOpen() throws SQLException {
        view.open();
    }

    private ResultSet resultSet(ResultSet made) {
        return made == null ? null : openStatements.add(new TrackedResultSet(made, view, null));
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return view;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        checkOpen();
        return Delegates.unwrap(this, delegate, iface, view);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        checkOpen();
        return Delegates.isWrapperFor(this, delegate, iface, view);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        view.enter();
        try {
            return delegate.allProceduresAreCallable();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        view.enter();
        try {
            return delegate.allTablesAreSelectable();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        view.enter();
        try {
            return delegate.autoCommitFailureClosesAllResultSets();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        view.enter();
        try {
            return delegate.dataDefinitionCausesTransactionCommit();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        view.enter();
        try {
            return delegate.dataDefinitionIgnoredInTransactions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean deletesAreDetected(int type) throws SQLException {
        view.enter();
        try {
            return delegate.deletesAreDetected(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        view.enter();
        try {
            return delegate.doesMaxRowSizeIncludeBlobs();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        view.enter();
        try {
            return delegate.generatedKeyAlwaysReturned();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
            String attributeNamePattern) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getAttributes(catalog, schemaPattern, typeNamePattern, attributeNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getBestRowIdentifier(catalog, schema, table, scope, nullable));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getCatalogSeparator() throws SQLException {
        view.enter();
        try {
            return delegate.getCatalogSeparator();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getCatalogTerm() throws SQLException {
        view.enter();
        try {
            return delegate.getCatalogTerm();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getCatalogs());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getClientInfoProperties());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getColumnPrivileges(catalog, schema, table, columnNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getCrossReference(parentCatalog, parentSchema, parentTable, foreignCatalog,
                    foreignSchema, foreignTable));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        view.enter();
        try {
            return delegate.getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        view.enter();
        try {
            return delegate.getDatabaseMinorVersion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getDatabaseProductName() throws SQLException {
        view.enter();
        try {
            return delegate.getDatabaseProductName();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        view.enter();
        try {
            return delegate.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getDefaultTransactionIsolation() throws SQLException {
        view.enter();
        try {
            return delegate.getDefaultTransactionIsolation();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getDriverMajorVersion() {
        return delegate.getDriverMajorVersion();
    }

    @Override
    public int getDriverMinorVersion() {
        return delegate.getDriverMinorVersion();
    }

    @Override
    public String getDriverName() throws SQLException {
        view.enter();
        try {
            return delegate.getDriverName();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getDriverVersion() throws SQLException {
        view.enter();
        try {
            return delegate.getDriverVersion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getExportedKeys(catalog, schema, table));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getExtraNameCharacters() throws SQLException {
        view.enter();
        try {
            return delegate.getExtraNameCharacters();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
            String columnNamePattern) throws SQLException {
        view.enter();
        try {
            return resultSet(
                    delegate.getFunctionColumns(catalog, schemaPattern, functionNamePattern, columnNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getFunctions(catalog, schemaPattern, functionNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getIdentifierQuoteString() throws SQLException {
        view.enter();
        try {
            return delegate.getIdentifierQuoteString();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getImportedKeys(catalog, schema, table));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getIndexInfo(catalog, schema, table, unique, approximate));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getJDBCMajorVersion() throws SQLException {
        view.enter();
        try {
            return delegate.getJDBCMajorVersion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getJDBCMinorVersion() throws SQLException {
        view.enter();
        try {
            return delegate.getJDBCMinorVersion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxBinaryLiteralLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxCatalogNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxCharLiteralLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxColumnNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxColumnsInGroupBy();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxColumnsInIndex();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxColumnsInOrderBy();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxColumnsInSelect();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxColumnsInTable() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxColumnsInTable();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxConnections() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxConnections();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxCursorNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxIndexLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public long getMaxLogicalLobSize() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxLogicalLobSize();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxProcedureNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxRowSize();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxSchemaNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxStatementLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxStatements() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxStatements();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxTableNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxTablesInSelect();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        view.enter();
        try {
            return delegate.getMaxUserNameLength();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getNumericFunctions() throws SQLException {
        view.enter();
        try {
            return delegate.getNumericFunctions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getPrimaryKeys(catalog, schema, table));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
            String columnNamePattern) throws SQLException {
        view.enter();
        try {
            return resultSet(
                    delegate.getProcedureColumns(catalog, schemaPattern, procedureNamePattern, columnNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getProcedureTerm() throws SQLException {
        view.enter();
        try {
            return delegate.getProcedureTerm();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getProcedures(catalog, schemaPattern, procedureNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
            String columnNamePattern) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getPseudoColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        view.enter();
        try {
            return delegate.getResultSetHoldability();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public RowIdLifetime getRowIdLifetime() throws SQLException {
        view.enter();
        try {
            return delegate.getRowIdLifetime();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getSQLKeywords() throws SQLException {
        view.enter();
        try {
            return delegate.getSQLKeywords();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public int getSQLStateType() throws SQLException {
        view.enter();
        try {
            return delegate.getSQLStateType();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getSchemaTerm() throws SQLException {
        view.enter();
        try {
            return delegate.getSchemaTerm();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getSchemas());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getSchemas(catalog, schemaPattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getSearchStringEscape() throws SQLException {
        view.enter();
        try {
            return delegate.getSearchStringEscape();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getStringFunctions() throws SQLException {
        view.enter();
        try {
            return delegate.getStringFunctions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getSuperTables(catalog, schemaPattern, tableNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getSuperTypes(catalog, schemaPattern, typeNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getSystemFunctions() throws SQLException {
        view.enter();
        try {
            return delegate.getSystemFunctions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getTablePrivileges(catalog, schemaPattern, tableNamePattern));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getTableTypes());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getTables(catalog, schemaPattern, tableNamePattern, types));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getTimeDateFunctions() throws SQLException {
        view.enter();
        try {
            return delegate.getTimeDateFunctions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getTypeInfo());
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
            throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getUDTs(catalog, schemaPattern, typeNamePattern, types));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getURL() throws SQLException {
        view.enter();
        try {
            return delegate.getURL();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public String getUserName() throws SQLException {
        view.enter();
        try {
            return delegate.getUserName();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
        view.enter();
        try {
            return resultSet(delegate.getVersionColumns(catalog, schema, table));
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean insertsAreDetected(int type) throws SQLException {
        view.enter();
        try {
            return delegate.insertsAreDetected(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        view.enter();
        try {
            return delegate.isCatalogAtStart();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        view.enter();
        try {
            return delegate.isReadOnly();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        view.enter();
        try {
            return delegate.locatorsUpdateCopy();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        view.enter();
        try {
            return delegate.nullPlusNonNullIsNull();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        view.enter();
        try {
            return delegate.nullsAreSortedAtEnd();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        view.enter();
        try {
            return delegate.nullsAreSortedAtStart();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        view.enter();
        try {
            return delegate.nullsAreSortedHigh();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        view.enter();
        try {
            return delegate.nullsAreSortedLow();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean othersDeletesAreVisible(int type) throws SQLException {
        view.enter();
        try {
            return delegate.othersDeletesAreVisible(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean othersInsertsAreVisible(int type) throws SQLException {
        view.enter();
        try {
            return delegate.othersInsertsAreVisible(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) throws SQLException {
        view.enter();
        try {
            return delegate.othersUpdatesAreVisible(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean ownDeletesAreVisible(int type) throws SQLException {
        view.enter();
        try {
            return delegate.ownDeletesAreVisible(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean ownInsertsAreVisible(int type) throws SQLException {
        view.enter();
        try {
            return delegate.ownInsertsAreVisible(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) throws SQLException {
        view.enter();
        try {
            return delegate.ownUpdatesAreVisible(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.storesLowerCaseIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.storesLowerCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.storesMixedCaseIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.storesMixedCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.storesUpperCaseIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.storesUpperCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        view.enter();
        try {
            return delegate.supportsANSI92EntryLevelSQL();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        view.enter();
        try {
            return delegate.supportsANSI92FullSQL();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        view.enter();
        try {
            return delegate.supportsANSI92IntermediateSQL();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        view.enter();
        try {
            return delegate.supportsAlterTableWithAddColumn();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        view.enter();
        try {
            return delegate.supportsAlterTableWithDropColumn();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        view.enter();
        try {
            return delegate.supportsBatchUpdates();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCatalogsInDataManipulation();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCatalogsInIndexDefinitions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCatalogsInPrivilegeDefinitions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCatalogsInProcedureCalls();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCatalogsInTableDefinitions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        view.enter();
        try {
            return delegate.supportsColumnAliasing();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsConvert() throws SQLException {
        view.enter();
        try {
            return delegate.supportsConvert();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) throws SQLException {
        view.enter();
        try {
            return delegate.supportsConvert(fromType, toType);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCoreSQLGrammar();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        view.enter();
        try {
            return delegate.supportsCorrelatedSubqueries();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsDataDefinitionAndDataManipulationTransactions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        view.enter();
        try {
            return delegate.supportsDataManipulationTransactionsOnly();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        view.enter();
        try {
            return delegate.supportsDifferentTableCorrelationNames();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        view.enter();
        try {
            return delegate.supportsExpressionsInOrderBy();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        view.enter();
        try {
            return delegate.supportsExtendedSQLGrammar();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        view.enter();
        try {
            return delegate.supportsFullOuterJoins();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        view.enter();
        try {
            return delegate.supportsGetGeneratedKeys();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        view.enter();
        try {
            return delegate.supportsGroupBy();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        view.enter();
        try {
            return delegate.supportsGroupByBeyondSelect();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        view.enter();
        try {
            return delegate.supportsGroupByUnrelated();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        view.enter();
        try {
            return delegate.supportsIntegrityEnhancementFacility();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        view.enter();
        try {
            return delegate.supportsLikeEscapeClause();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        view.enter();
        try {
            return delegate.supportsLimitedOuterJoins();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        view.enter();
        try {
            return delegate.supportsMinimumSQLGrammar();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.supportsMixedCaseIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        view.enter();
        try {
            return delegate.supportsMixedCaseQuotedIdentifiers();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        view.enter();
        try {
            return delegate.supportsMultipleOpenResults();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        view.enter();
        try {
            return delegate.supportsMultipleResultSets();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsMultipleTransactions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        view.enter();
        try {
            return delegate.supportsNamedParameters();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        view.enter();
        try {
            return delegate.supportsNonNullableColumns();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        view.enter();
        try {
            return delegate.supportsOpenCursorsAcrossCommit();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        view.enter();
        try {
            return delegate.supportsOpenCursorsAcrossRollback();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        view.enter();
        try {
            return delegate.supportsOpenStatementsAcrossCommit();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        view.enter();
        try {
            return delegate.supportsOpenStatementsAcrossRollback();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        view.enter();
        try {
            return delegate.supportsOrderByUnrelated();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        view.enter();
        try {
            return delegate.supportsOuterJoins();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        view.enter();
        try {
            return delegate.supportsPositionedDelete();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        view.enter();
        try {
            return delegate.supportsPositionedUpdate();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsRefCursors() throws SQLException {
        view.enter();
        try {
            return delegate.supportsRefCursors();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) throws SQLException {
        view.enter();
        try {
            return delegate.supportsResultSetConcurrency(type, concurrency);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) throws SQLException {
        view.enter();
        try {
            return delegate.supportsResultSetHoldability(holdability);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsResultSetType(int type) throws SQLException {
        view.enter();
        try {
            return delegate.supportsResultSetType(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSavepoints() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSavepoints();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSchemasInDataManipulation();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSchemasInIndexDefinitions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSchemasInPrivilegeDefinitions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSchemasInProcedureCalls();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSchemasInTableDefinitions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSelectForUpdate();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSharding() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSharding();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        view.enter();
        try {
            return delegate.supportsStatementPooling();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        view.enter();
        try {
            return delegate.supportsStoredFunctionsUsingCallSyntax();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        view.enter();
        try {
            return delegate.supportsStoredProcedures();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSubqueriesInComparisons();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSubqueriesInExists();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSubqueriesInIns();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        view.enter();
        try {
            return delegate.supportsSubqueriesInQuantifieds();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        view.enter();
        try {
            return delegate.supportsTableCorrelationNames();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) throws SQLException {
        view.enter();
        try {
            return delegate.supportsTransactionIsolationLevel(level);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        view.enter();
        try {
            return delegate.supportsTransactions();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        view.enter();
        try {
            return delegate.supportsUnion();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        view.enter();
        try {
            return delegate.supportsUnionAll();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean updatesAreDetected(int type) throws SQLException {
        view.enter();
        try {
            return delegate.updatesAreDetected(type);
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        view.enter();
        try {
            return delegate.usesLocalFilePerTable();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        view.enter();
        try {
            return delegate.usesLocalFiles();
        } catch (SQLException e) {
            throw view.failed(e);
        } finally {
            view.exit();
        }
    }
}
