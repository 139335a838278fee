package dev.tether.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** Every field of a padded object lies between its 128 bytes of padding before and its 128 bytes after. */
class PaddingTest {
    @Test
    void noFieldLiesOutsideThePadding() throws Exception {
        for (String name : new String[] {"Wrapper$Padded", "Owner$Padded", "Physical$Padded"}) {
            Class<?> padded = Class.forName(PaddingTest.class.getPackageName() + "." + name);
            long leadingEnd = Long.MIN_VALUE;
            long trailingStart = Long.MAX_VALUE;
            for (Field f : Padding.class.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.getType() == long.class) {
                    leadingEnd = Math.max(leadingEnd, offset(f) + Long.BYTES);
                }
            }
            for (Field f : padded.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    trailingStart = Math.min(trailingStart, offset(f));
                }
            }
            for (Class<?> c = padded.getSuperclass(); c != Padding.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        long at = offset(f);
                        assertTrue(at >= leadingEnd && at < trailingStart, name + ": " + c.getSimpleName() + "."
                                + f.getName() + " at offset " + at + ", outside the padding [" + leadingEnd + ", "
                                + trailingStart + ")");
                    }
                }
            }
        }
    }

    private static long offset(Field f) throws ReflectiveOperationException {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
        theUnsafe.setAccessible(true);
        Method objectFieldOffset = unsafeClass.getMethod("objectFieldOffset", Field.class);
        return (long) objectFieldOffset.invoke(theUnsafe.get(null), f);
    }
}
