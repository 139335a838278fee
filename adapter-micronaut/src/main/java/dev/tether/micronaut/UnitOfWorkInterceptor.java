package dev.tether.micronaut;

import dev.tether.api.TetherException;
import dev.tether.engine.Tether;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;

/** Runs a {@link UnitOfWork @UnitOfWork} method as one unit of work. */
@InterceptorBean(UnitOfWork.class)
final class UnitOfWorkInterceptor implements MethodInterceptor<Object, Object> {
    private final Tether tether;

    UnitOfWorkInterceptor(Tether tether) {
        this.tether = tether;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (context.getReturnType().isAsyncOrReactive()) {
            // The unit would end when the method returns, while the work it started goes on elsewhere.
            throw new TetherException("@UnitOfWork on " + context.getDeclaringType().getName() + "."
                    + context.getMethodName() + " cannot cover a method returning " + context.getReturnType().getType().getName()
                    + "; make the method synchronous (run it on a blocking executor) or use Tether.begin() in the code that runs the work");
        }
        var work = tether.begin();
        try {
            return context.proceed();
        } finally {
            work.close();
        }
    }

    /** Inside {@code @Async} (so the unit runs where the work runs) and around {@code @Transactional}. */
    @Override
    public int getOrder() {
        return InterceptPhase.TRANSACTION.getPosition() - 1;
    }
}
