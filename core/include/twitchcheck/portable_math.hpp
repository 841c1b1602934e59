// exp and log that give the same bits natively and in WebAssembly. std::exp/std::log come
// from glibc natively and from musl under Emscripten, and the two differ in the last bit
// for some inputs (the differential test found a ci95 bound of 1.3610189344606933 in wasm
// and 1.3610189344606936 natively), which breaks "same bytes from both doors".
// `exp` and `log` below are correctly rounded (the double nearest the true value, as
// glibc gives for all but very rare inputs, so the reference values computed with it
// hold): a first approximation from fdlibm (Sun Microsystems: "Permission to use, copy,
// modify, and distribute this software is freely granted, provided that this notice is
// preserved.") refined in double-double arithmetic. Only + - * / on doubles are used, so
// every IEEE 754 platform without FMA contraction (x86-64 baseline, wasm32) gives the
// same bits.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>

// Dekker's exact products below break if a*b+c is fused into one rounding.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__FMA__) && defined(__GNUC__)
#error "twitchcheck/portable_math.hpp: GCC fuses a*b+c when FMA is enabled; build without -mfma/-march=native"
#endif

namespace twitchcheck::portable {

namespace detail {
// memcpy, not std::bit_cast: Emscripten 3.1.6's libc++ has no <bit> bit_cast.
inline std::uint64_t bits_of(double x) {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return bits;
}
inline double from_bits(std::uint64_t bits) {
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}
inline std::int32_t high_word(double x) { return static_cast<std::int32_t>(bits_of(x) >> 32); }
inline std::uint32_t low_word(double x) { return static_cast<std::uint32_t>(bits_of(x)); }
inline double with_high_word(double x, std::int32_t high) {
    return from_bits((static_cast<std::uint64_t>(static_cast<std::uint32_t>(high)) << 32) | low_word(x));
}
}  // namespace detail

// Natural logarithm (fdlibm e_log.c), error < 1 ulp.
inline double fdlibm_log(double x) {
    constexpr double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10,
                     two54 = 1.80143985094819840000e+16, Lg1 = 6.666666666666735130e-01,
                     Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
                     Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01,
                     Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;
    std::int32_t hx = detail::high_word(x);
    const std::uint32_t lx = detail::low_word(x);
    std::int32_t k = 0;
    if (hx < 0x00100000) {  // x < 2**-1022
        if (((hx & 0x7fffffff) | static_cast<std::int32_t>(lx)) == 0) return -std::numeric_limits<double>::infinity();
        if (hx < 0) return std::numeric_limits<double>::quiet_NaN();
        k -= 54;
        x *= two54;  // subnormal: scale up
        hx = detail::high_word(x);
    }
    if (hx >= 0x7ff00000) return x + x;
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    std::int32_t i = (hx + 0x95f64) & 0x100000;
    x = detail::with_high_word(x, hx | (i ^ 0x3ff00000));  // normalize x or x/2
    k += (i >> 20);
    const double f = x - 1.0;
    const double dk = static_cast<double>(k);
    if ((0x000fffff & (2 + hx)) < 3) {  // -2**-20 <= f < 2**-20
        if (f == 0.0) return k == 0 ? 0.0 : dk * ln2_hi + dk * ln2_lo;
        const double R = f * f * (0.5 - 0.33333333333333333 * f);
        return k == 0 ? f - R : dk * ln2_hi - ((R - dk * ln2_lo) - f);
    }
    const double s = f / (2.0 + f);
    const double z = s * s;
    i = hx - 0x6147a;
    const double w = z * z;
    const std::int32_t j = 0x6b851 - hx;
    const double t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    const double t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    i |= j;
    const double R = t2 + t1;
    if (i > 0) {
        const double hfsq = 0.5 * f * f;
        return k == 0 ? f - (hfsq - s * (hfsq + R)) : dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
    }
    return k == 0 ? f - s * (f - R) : dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

// e to the power x (fdlibm e_exp.c), error < 1 ulp.
inline double fdlibm_exp(double x) {
    constexpr double halF[2] = {0.5, -0.5}, ln2HI[2] = {6.93147180369123816490e-01, -6.93147180369123816490e-01},
                     ln2LO[2] = {1.90821492927058770002e-10, -1.90821492927058770002e-10},
                     o_threshold = 7.09782712893383973096e+02, u_threshold = -7.45133219101941108420e+02,
                     invln2 = 1.44269504088896338700e+00, P1 = 1.66666666666666019037e-01,
                     P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
                     P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08,
                     twom1000 = 9.33263618503218878990e-302;  // 2**-1000
    std::int32_t hx = detail::high_word(x);
    const int xsb = (hx >> 31) & 1;
    hx &= 0x7fffffff;
    if (hx >= 0x40862E42) {  // |x| >= 709.78...
        if (hx >= 0x7ff00000) {
            if (((hx & 0xfffff) | static_cast<std::int32_t>(detail::low_word(x))) != 0) return x + x;  // NaN
            return xsb == 0 ? x : 0.0;  // exp(+-inf) = inf, 0
        }
        if (x > o_threshold) return std::numeric_limits<double>::infinity();
        if (x < u_threshold) return 0.0;
    }
    double hi = 0.0, lo = 0.0;
    int k = 0;
    if (hx > 0x3fd62e42) {  // |x| > 0.5 ln2
        if (hx < 0x3FF0A2B2) {  // and |x| < 1.5 ln2
            hi = x - ln2HI[xsb];
            lo = ln2LO[xsb];
            k = 1 - xsb - xsb;
        } else {
            k = static_cast<int>(invln2 * x + halF[xsb]);
            const double t = k;
            hi = x - t * ln2HI[0];
            lo = t * ln2LO[0];
        }
        x = hi - lo;
    } else if (hx < 0x3e300000) {  // |x| < 2**-28
        return 1.0 + x;
    }
    const double t = x * x;
    const double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
    const double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) return detail::with_high_word(y, detail::high_word(y) + (k << 20));
    return detail::with_high_word(y, detail::high_word(y) + ((k + 1000) << 20)) * twom1000;
}


namespace detail {

// Double-double arithmetic: a value hi + lo with |lo| <= ulp(hi)/2 (about 106 bits).
struct DD {
    double hi, lo;
};
inline DD quick_two_sum(double a, double b) {
    const double s = a + b;
    return {s, b - (s - a)};
}
inline DD two_sum(double a, double b) {
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}
inline DD split(double a) {
    const double t = 134217729.0 * a;  // 2**27 + 1 (Dekker)
    const double hi = t - (t - a);
    return {hi, a - hi};
}
inline DD two_prod(double a, double b) {
    const double p = a * b;
    const DD x = split(a), y = split(b);
    return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
}
inline DD add(DD a, DD b) {
    DD s = two_sum(a.hi, b.hi);
    const DD t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = quick_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return quick_two_sum(s.hi, s.lo);
}
inline DD mul(DD a, DD b) {
    DD p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return quick_two_sum(p.hi, p.lo);
}
inline DD div(DD a, double d) {
    const double q1 = a.hi / d;
    const DD p = two_prod(q1, d);
    const double q2 = (((a.hi - p.hi) - p.lo) + a.lo) / d;
    return quick_two_sum(q1, q2);
}
inline DD scale2(DD a, int k) {  // a * 2**k, exact in the normal range
    const double f = from_bits(static_cast<std::uint64_t>(1023 + k) << 52);
    return {a.hi * f, a.lo * f};
}

// e**x in double-double for |x| <= 700: x = k ln2 + r, e**r by Taylor on r/512, squared 9 times.
inline DD exp_dd(double x) {
    constexpr DD ln2{6.93147180559945286e-01, 2.31904681384629956e-17};
    const int k = static_cast<int>(x * 1.44269504088896338700e+00 + (x < 0 ? -0.5 : 0.5));
    const DD k_ln2 = add(two_prod(ln2.hi, k), two_prod(ln2.lo, k));
    DD r = add(DD{x, 0.0}, DD{-k_ln2.hi, -k_ln2.lo});
    r = {r.hi / 512.0, r.lo / 512.0};
    DD t{1.0, 0.0};
    for (int n = 12; n >= 1; --n) t = add(DD{1.0, 0.0}, div(mul(r, t), n));
    for (int i = 0; i < 9; ++i) t = mul(t, t);
    // 2**k in two steps so that neither factor leaves the normal range.
    const int half = k / 2;
    return scale2(scale2(t, half), k - half);
}

}  // namespace detail

// e to the power x, correctly rounded (see the top of this file).
inline double exp(double x) {
    if (!(x > -700.0 && x < 700.0)) return fdlibm_exp(x);  // NaN, infinities, far ends
    const detail::DD e = detail::exp_dd(x);
    return e.hi + e.lo;
}

// Natural logarithm, correctly rounded: one Newton step y + x e**-y - 1 from fdlibm's y.
inline double log(double x) {
    const double y = fdlibm_log(x);
    if (!(x >= 1e-300 && x <= 1e300)) return y;  // zero, negatives, NaN, infinities, far ends
    const detail::DD e = detail::exp_dd(-y);
    const detail::DD correction = detail::add(detail::mul(e, detail::DD{x, 0.0}), detail::DD{-1.0, 0.0});
    const detail::DD refined = detail::add(detail::DD{y, 0.0}, correction);
    return refined.hi + refined.lo;
}

}  // namespace twitchcheck::portable
