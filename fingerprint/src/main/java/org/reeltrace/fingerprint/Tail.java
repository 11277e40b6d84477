package org.reeltrace.fingerprint;

/** Upper tails of the binomial and Poisson distributions, in log space so tiny values survive. */
final class Tail {
    private Tail() {
    }

    /** P(X >= k) for X ~ Binomial(n, p). */
    static double binomial(int k, int n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        double sum = 0;
        for (int j = k; j <= n; j++) {
            sum += Math.exp(logChoose(n, j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
        }
        return Math.min(1, sum);
    }

    /** P(X >= k) for X ~ Poisson(lambda). */
    static double poisson(int k, double lambda) {
        if (k <= 0) {
            return 1;
        }
        if (lambda <= 0) {
            return 0;
        }
        double sum = 0;
        for (int j = k; j < k + 200; j++) {
            double term = Math.exp(j * Math.log(lambda) - lambda - logFactorial(j));
            sum += term;
            if (term < sum * 1e-12) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n && i < 256; i++) {
            s += Math.log(i);
        }
        if (n >= 256) {
            // Stirling beyond the loop
            s = n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1.0 / (12.0 * n);
        }
        return s;
    }
}
