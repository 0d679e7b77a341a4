package dev.patron.plugin.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Maximises a log-likelihood over positive parameters without derivatives. It searches over the
 * logs of the parameters, so every point tried is positive and the scales of, say, r (about 0.2)
 * and γ (tens of currency units) do not matter, with Powell's BOBYQA (commons-math3, shaded): a
 * trust-region method that models the function by quadratic interpolation and needs far fewer
 * evaluations than Nelder-Mead on smooth problems (about 100 to 200 for four parameters).
 *
 * <p>Each search is bounded to 20 natural-log units (a factor of 5e8) either side of its start.
 * After BOBYQA stops, first and second derivatives along each axis are estimated by central
 * differences; unless the best point is a minimum along every axis and a Newton step could gain
 * almost nothing, the search restarts from the best point, up to {@value #ROUNDS} rounds. The
 * result reports how it went: evaluations, iterations (evaluations that improved on the best point
 * so far, i.e. accepted steps), whether it converged, the largest gradient and whether a parameter
 * ran to the edge of its search box.
 */
final class LogSpaceMaximizer {

    static final int ROUNDS = 3;
    static final int MAX_EVALUATIONS = 4_000;
    private static final double BOUND = 20;
    private static final double INITIAL_RADIUS = 0.5;
    private static final double STOPPING_RADIUS = 1e-9;
    private static final double GRADIENT_STEP = 1e-5;
    private static final double PENALTY = 1e300;
    /** Within this many log units of the search box a parameter counts as run away (a factor of 7.4 from the edge). */
    private static final double EDGE = 2;

    /**
     * How a maximisation went.
     *
     * @param parameters the best parameters found (natural scale)
     * @param logLikelihood the log-likelihood there
     * @param evaluations log-likelihood evaluations, gradient checks included
     * @param iterations evaluations that improved on the best point so far
     * @param converged whether the search ended within its evaluation budget at a point that is a
     *     minimum of -LL along every axis, where a Newton step could gain at most 1e-6 + 1e-10 |LL|
     * @param gradient the largest absolute partial derivative with respect to a log-parameter at the end
     * @param atBound whether a parameter ended within 2 log units of its search bound (it ran away)
     */
    record Result(double[] parameters, double logLikelihood, int evaluations, int iterations, boolean converged,
                  double gradient, boolean atBound) {
    }

    private LogSpaceMaximizer() {
    }

    /** Maximises {@code logLikelihood} over positive parameters from {@code start} (natural scale). */
    static Result maximize(ToDoubleFunction<double[]> logLikelihood, double[] start) {
        Tracker tracker = new Tracker(logLikelihood);
        int dimension = start.length;
        double[] origin = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            if (!(start[i] > 0) || Double.isInfinite(start[i])) {
                throw new IllegalArgumentException("start values must be positive and finite: " + Arrays.toString(start));
            }
            origin[i] = Math.log(start[i]);
        }
        double[] lower = new double[dimension];
        double[] upper = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            lower[i] = origin[i] - BOUND;
            upper[i] = origin[i] + BOUND;
        }
        tracker.objective(origin);
        boolean converged = false;
        double gradient = Double.NaN;
        for (int round = 0; round < ROUNDS && !converged; round++) {
            boolean outOfBudget = false;
            try {
                BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * dimension + 1, INITIAL_RADIUS, STOPPING_RADIUS);
                optimizer.optimize(new MaxEval(Math.max(10, MAX_EVALUATIONS - tracker.evaluations)),
                        new ObjectiveFunction(tracker::objective), GoalType.MINIMIZE,
                        new InitialGuess(clamp(tracker.best.clone(), lower, upper)), new SimpleBounds(lower, upper));
            } catch (TooManyEvaluationsException e) {
                outOfBudget = true;
            } catch (MathIllegalStateException | MathIllegalArgumentException e) {
                // BOBYQA gave up (e.g. a degenerate interpolation set near a bound): the check below
                // decides, and the next round restarts from the best point seen.
            }
            double[] check = check(tracker, lower, upper);
            gradient = check[0];
            converged = !outOfBudget && Double.isFinite(tracker.bestValue) && check[1] <= tolerance(tracker.bestValue);
            if (outOfBudget) {
                break;
            }
        }
        boolean atBound = false;
        double[] parameters = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            parameters[i] = Math.exp(tracker.best[i]);
            atBound |= tracker.best[i] - lower[i] < EDGE || upper[i] - tracker.best[i] < EDGE;
        }
        return new Result(parameters, -tracker.bestValue, tracker.evaluations, tracker.improvements, converged, gradient,
                atBound);
    }

    /**
     * How much a Newton step could still gain, in log-likelihood units, below which the fit counts
     * as converged: 1e-6 plus 1e-10 of the log-likelihood (summing over many customers makes the
     * log-likelihood itself uncertain in proportion to its size).
     */
    private static double tolerance(double negativeLogLikelihood) {
        return 1e-6 + 1e-10 * Math.abs(negativeLogLikelihood);
    }

    /**
     * Checks the best point by central differences with respect to each log-parameter (steps kept
     * inside the bounds): returns the largest |first derivative| and the log-likelihood a Newton
     * step along each axis could still gain, the sum of g_i^2 / (2 h_i) over the axes, with h_i the
     * second derivative; infinite when some h_i is not positive (not a minimum along that axis).
     * A gradient alone is no test: on an ill-conditioned likelihood a point 1e-9 from the optimum
     * can show a gradient of 0.01 while being within 1e-10 of the best log-likelihood.
     */
    private static double[] check(Tracker tracker, double[] lower, double[] upper) {
        double[] at = tracker.best.clone();
        double center = tracker.bestValue;
        double largest = 0;
        double gain = 0;
        for (int i = 0; i < at.length; i++) {
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] = Math.min(upper[i], at[i] + GRADIENT_STEP);
            down[i] = Math.max(lower[i], at[i] - GRADIENT_STEP);
            double fUp = tracker.objective(up);
            double fDown = tracker.objective(down);
            double hUp = up[i] - at[i];
            double hDown = at[i] - down[i];
            double slope = (fUp - fDown) / (hUp + hDown);
            largest = Math.max(largest, Math.abs(slope));
            double curvature = hUp > 0 && hDown > 0
                    ? 2 * (hDown * fUp - (hUp + hDown) * center + hUp * fDown) / (hUp * hDown * (hUp + hDown)) : Double.NaN;
            gain += curvature > 0 ? slope * slope / (2 * curvature) : Double.POSITIVE_INFINITY;
        }
        return new double[] {largest, gain};
    }

    private static double[] clamp(double[] point, double[] lower, double[] upper) {
        for (int i = 0; i < point.length; i++) {
            point[i] = Math.max(lower[i], Math.min(upper[i], point[i]));
        }
        return point;
    }

    /** Evaluates -LL at log-parameters, counting evaluations and remembering the best point. */
    private static final class Tracker {
        private final ToDoubleFunction<double[]> logLikelihood;
        private double[] best;
        private double bestValue = Double.POSITIVE_INFINITY;
        private int evaluations;
        private int improvements;

        Tracker(ToDoubleFunction<double[]> logLikelihood) {
            this.logLikelihood = logLikelihood;
        }

        double objective(double[] logParameters) {
            double[] natural = new double[logParameters.length];
            for (int i = 0; i < natural.length; i++) {
                natural[i] = Math.exp(logParameters[i]);
            }
            evaluations++;
            double ll = logLikelihood.applyAsDouble(natural);
            double value = Double.isFinite(ll) ? -ll : PENALTY;
            if (value < bestValue || best == null) {
                if (best != null) {
                    improvements++;
                }
                bestValue = value;
                best = logParameters.clone();
            }
            return value;
        }
    }
}
