/**
 * Bessel functions needed by the skyrmion profile (far-field tail) and the Hankel-transform
 * magnetostatics. Polynomial approximations of Abramowitz & Stegun, Handbook of Mathematical
 * Functions (1964), Sec. 9.4 (J0, J1) and 9.8 (I0, I1, K0, K1); absolute/relative errors < 1e-7.
 */

/** Modified Bessel I0(x), A&S 9.8.1 and 9.8.2. */
export function besselI0(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3.75) {
    const t = (x / 3.75) ** 2;
    return (
      1 +
      t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))))
    );
  }
  const t = 3.75 / ax;
  return (
    (Math.exp(ax) / Math.sqrt(ax)) *
    (0.39894228 +
      t *
        (0.01328592 +
          t *
            (0.00225319 +
              t *
                (-0.00157565 +
                  t *
                    (0.00916281 +
                      t * (-0.02057706 + t * (0.02635537 + t * (-0.01647633 + t * 0.00392377))))))))
  );
}

/** Modified Bessel I1(x), A&S 9.8.3 and 9.8.4. */
export function besselI1(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax <= 3.75) {
    const t = (x / 3.75) ** 2;
    r =
      ax *
      (0.5 +
        t *
          (0.87890594 +
            t * (0.51498869 + t * (0.15084934 + t * (0.02658733 + t * (0.00301532 + t * 0.00032411))))));
  } else {
    const t = 3.75 / ax;
    r =
      (Math.exp(ax) / Math.sqrt(ax)) *
      (0.39894228 +
        t *
          (-0.03988024 +
            t *
              (-0.00362018 +
                t *
                  (0.00163801 +
                    t *
                      (-0.01031555 +
                        t * (0.02282967 + t * (-0.02895312 + t * (0.01787654 - t * 0.00420059))))))));
  }
  return x < 0 ? -r : r;
}

/** Modified Bessel K0(x), x > 0, A&S 9.8.5 and 9.8.6. */
export function besselK0(x: number): number {
  if (x <= 2) {
    const t = (x * x) / 4;
    return (
      -Math.log(x / 2) * besselI0(x) +
      (-0.57721566 +
        t *
          (0.4227842 +
            t * (0.23069756 + t * (0.0348859 + t * (0.00262698 + t * (0.0001075 + t * 0.0000074))))))
    );
  }
  const t = 2 / x;
  return (
    (Math.exp(-x) / Math.sqrt(x)) *
    (1.25331414 +
      t *
        (-0.07832358 +
          t * (0.02189568 + t * (-0.01062446 + t * (0.00587872 + t * (-0.0025154 + t * 0.00053208))))))
  );
}

/** Modified Bessel K1(x), x > 0, A&S 9.8.7 and 9.8.8. */
export function besselK1(x: number): number {
  if (x <= 2) {
    const t = (x * x) / 4;
    return (
      Math.log(x / 2) * besselI1(x) +
      (1 / x) *
        (1 +
          t *
            (0.15443144 +
              t * (-0.67278579 + t * (-0.18156897 + t * (-0.01919402 + t * (-0.00110404 - t * 0.00004686))))))
    );
  }
  const t = 2 / x;
  return (
    (Math.exp(-x) / Math.sqrt(x)) *
    (1.25331414 +
      t *
        (0.23498619 +
          t * (-0.0365562 + t * (0.01504268 + t * (-0.00780353 + t * (0.00325614 - t * 0.00068245))))))
  );
}

/** Bessel J0(x), A&S 9.4.1 (|x| <= 3) and 9.4.3 (|x| > 3). */
export function besselJ0(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3) {
    const t = (x / 3) ** 2;
    return (
      1 +
      t * (-2.2499997 + t * (1.2656208 + t * (-0.3163866 + t * (0.0444479 + t * (-0.0039444 + t * 0.00021)))))
    );
  }
  const t = 3 / ax;
  const f0 =
    0.79788456 +
    t *
      (-0.00000077 +
        t * (-0.0055274 + t * (-0.00009512 + t * (0.00137237 + t * (-0.00072805 + t * 0.00014476)))));
  const th0 =
    ax -
    0.78539816 +
    t *
      (-0.04166397 +
        t * (-0.00003954 + t * (0.00262573 + t * (-0.00054125 + t * (-0.00029333 + t * 0.00013558)))));
  return (f0 / Math.sqrt(ax)) * Math.cos(th0);
}

/** Bessel J1(x), A&S 9.4.4 (|x| <= 3) and 9.4.6 (|x| > 3). */
export function besselJ1(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax <= 3) {
    const t = (x / 3) ** 2;
    r =
      ax *
      (0.5 +
        t *
          (-0.56249985 +
            t * (0.21093573 + t * (-0.03954289 + t * (0.00443319 + t * (-0.00031761 + t * 0.00001109))))));
  } else {
    const t = 3 / ax;
    const f1 =
      0.79788456 +
      t *
        (0.00000156 +
          t * (0.01659667 + t * (0.00017105 + t * (-0.00249511 + t * (0.00113653 - t * 0.00020033)))));
    const th1 =
      ax -
      2.35619449 +
      t *
        (0.12499612 +
          t * (0.0000565 + t * (-0.00637879 + t * (0.00074348 + t * (0.00079824 - t * 0.00029166)))));
    r = (f1 / Math.sqrt(ax)) * Math.cos(th1);
  }
  return x < 0 ? -r : r;
}
