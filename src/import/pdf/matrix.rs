//! Affine transformations as PDF writes them: `[a b c d e f]`, applied to row
//! vectors, so `m.then(n)` is "first `m`, then `n`" (PDF's `m × n`).

/// A PDF transformation matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    /// Horizontal scale (and rotation).
    pub a: f32,
    /// Rotation and skew.
    pub b: f32,
    /// Rotation and skew.
    pub c: f32,
    /// Vertical scale (and rotation).
    pub d: f32,
    /// Horizontal translation.
    pub e: f32,
    /// Vertical translation.
    pub f: f32,
}

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    /// A matrix from its six numbers; any number that is not finite makes the identity.
    pub fn new(a: f32, b: f32, c: f32, d: f32, e: f32, f: f32) -> Matrix {
        let m = Matrix { a, b, c, d, e, f };
        if [a, b, c, d, e, f].iter().all(|v| v.is_finite()) {
            m
        } else {
            Matrix::IDENTITY
        }
    }

    /// A translation.
    pub fn translate(x: f32, y: f32) -> Matrix {
        Matrix::new(1.0, 0.0, 0.0, 1.0, x, y)
    }

    /// This transformation followed by `next`.
    pub fn then(&self, next: &Matrix) -> Matrix {
        Matrix::new(
            self.a * next.a + self.b * next.c,
            self.a * next.b + self.b * next.d,
            self.c * next.a + self.d * next.c,
            self.c * next.b + self.d * next.d,
            self.e * next.a + self.f * next.c + next.e,
            self.e * next.b + self.f * next.d + next.f,
        )
    }

    /// Where the point (x, y) goes.
    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        (
            x * self.a + y * self.c + self.e,
            x * self.b + y * self.d + self.f,
        )
    }

    /// How much the matrix stretches a vertical distance (a font's size).
    pub fn vertical_scale(&self) -> f32 {
        (self.c * self.c + self.d * self.d).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_in_pdf_order() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let moved = Matrix::translate(10.0, 5.0);
        // Scale first, then move: (1, 1) → (2, 2) → (12, 7).
        assert_eq!(scale.then(&moved).apply(1.0, 1.0), (12.0, 7.0));
        // Move first, then scale: (1, 1) → (11, 6) → (22, 12).
        assert_eq!(moved.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
        assert_eq!(scale.vertical_scale(), 2.0);
        assert_eq!(
            Matrix::new(f32::NAN, 0.0, 0.0, 1.0, 0.0, 0.0),
            Matrix::IDENTITY
        );
    }
}
