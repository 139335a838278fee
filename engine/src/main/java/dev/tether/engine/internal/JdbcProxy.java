package dev.tether.engine.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Statements, result sets and metadata handed out through a {@link ConnectionView}: their errors are
 * classified like the connection's, they lead back to the view, and they die with it.
 */
final class JdbcProxy implements InvocationHandler {
    private final Object target;
    private final ConnectionView view;
    private final Object parent;

    private JdbcProxy(Object target, ConnectionView view, Object parent) {
        this.target = target;
        this.view = view;
        this.parent = parent;
    }

    static <T> T wrap(T target, Class<T> type, ConnectionView view, Object parent) {
        if (target == null) {
            return null;
        }
        return type.cast(Proxy.newProxyInstance(JdbcProxy.class.getClassLoader(), new Class<?>[]{type},
                new JdbcProxy(target, view, parent)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "equals" -> {
                return args != null && args.length == 1 && proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "getConnection" -> {
                if (method.getParameterCount() == 0) {
                    view.open();
                    return view;
                }
            }
            case "getStatement" -> {
                if (parent != null && method.getParameterCount() == 0) {
                    return parent;
                }
            }
            case "close", "isClosed", "toString" -> {
                return delegate(proxy, method, args);
            }
            default -> {
            }
        }
        if (target instanceof ResultSet) {
            view.open(); // a result set may not outlive its handle; per-row calls are not counted in flight
            return delegate(proxy, method, args);
        }
        view.enter(); // a statement may not outlive the handle it came from, nor run while its connection is settled
        boolean executes = name.startsWith("execute") && target instanceof Statement;
        try {
            if (executes) {
                view.statementRan();
                view.executing((Statement) target);
            }
            return delegate(proxy, method, args);
        } finally {
            if (executes) {
                view.executing(null);
            }
            view.exit();
        }
    }

    private Object delegate(Object proxy, Method method, Object[] args) throws Throwable {
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof SQLException sql ? view.failed(sql) : e.getCause();
        }
        Class<?> type = method.getReturnType();
        if (result instanceof ResultSet rs && type == ResultSet.class) {
            return wrap(rs, ResultSet.class, view, target instanceof Statement ? proxy : null);
        }
        if (result instanceof DatabaseMetaData metaData && type == DatabaseMetaData.class) {
            return wrap(metaData, DatabaseMetaData.class, view, null);
        }
        return result;
    }
}
