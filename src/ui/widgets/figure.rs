//! Exercise illustrations: a stick figure posed from a few joint angles (content/exercises.toml),
//! start pose faint and end pose solid. The two alternate only when the person allows motion
//! (the CSS animation sits inside `prefers-reduced-motion: no-preference`).

use yew::prelude::*;

use crate::kb::{Illustration, Pose};

const TRUNK: f32 = 48.0;
const HEAD_RADIUS: f32 = 9.0;
const THIGH: f32 = 40.0;
const SHIN: f32 = 40.0;
const FOOT: f32 = 11.0;
const UPPER_ARM: f32 = 26.0;
const FOREARM: f32 = 24.0;

/// sin of a whole number of degrees. A short polynomial instead of libm's sin/cos keeps several
/// KB of trigonometry out of the wasm; for drawing, an error below 0.01 % is invisible.
fn sin_degrees(degrees: i16) -> f32 {
    let mut d = i32::from(degrees).rem_euclid(360);
    let sign = if d >= 180 {
        d -= 180;
        -1.0
    } else {
        1.0
    };
    if d > 90 {
        d = 180 - d; // sin(180° - x) = sin x
    }
    let x = d as f32 * (std::f32::consts::PI / 180.0);
    let x2 = x * x;
    sign * x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0))))
}

/// A segment direction: 0° points down, 90° the way the figure faces, 180° up (SVG y grows down).
fn towards(from: (f32, f32), angle: i16, length: f32) -> (f32, f32) {
    let cos = sin_degrees(angle.saturating_add(90));
    (from.0 + length * sin_degrees(angle), from.1 + length * cos)
}

/// Coordinates are written as whole units (SVG scales them): no float formatting in the wasm.
fn unit(value: f32) -> String {
    (value.round() as i32).to_string()
}

struct Joints {
    head: (f32, f32),
    neck: (f32, f32),
    shoulder: (f32, f32),
    elbow: (f32, f32),
    wrist: (f32, f32),
    pelvis: (f32, f32),
    knees: [(f32, f32); 2],
    ankles: [(f32, f32); 2],
    toes: [(f32, f32); 2],
}

impl Joints {
    fn of(pose: &Pose) -> Joints {
        let pelvis = (0.0, 0.0);
        let neck = towards(pelvis, pose.trunk, TRUNK);
        let head = towards(neck, pose.trunk, HEAD_RADIUS + 2.0);
        let shoulder = towards(pelvis, pose.trunk, TRUNK - 4.0);
        let elbow = towards(shoulder, pose.upper_arm, UPPER_ARM);
        let wrist = towards(elbow, pose.forearm, FOREARM);
        let leg = |thigh: i16, shin: i16| {
            let knee = towards(pelvis, thigh, THIGH);
            let ankle = towards(knee, shin, SHIN);
            let toe = towards(ankle, shin.saturating_add(90), FOOT);
            (knee, ankle, toe)
        };
        let (k0, a0, t0) = leg(pose.work_thigh, pose.work_shin);
        let (k1, a1, t1) = leg(pose.other_thigh, pose.other_shin);
        Joints {
            head,
            neck,
            shoulder,
            elbow,
            wrist,
            pelvis,
            knees: [k0, k1],
            ankles: [a0, a1],
            toes: [t0, t1],
        }
    }

    fn points(&self) -> Vec<(f32, f32)> {
        let mut points = vec![
            self.neck,
            self.shoulder,
            self.elbow,
            self.wrist,
            self.pelvis,
        ];
        points.extend(self.knees);
        points.extend(self.ankles);
        points.extend(self.toes);
        points.push((self.head.0, self.head.1 - HEAD_RADIUS));
        points.push((self.head.0, self.head.1 + HEAD_RADIUS));
        points
    }

    /// Moves the figure so its lowest point rests on the floor line (y = 0).
    fn on_floor(mut self) -> Joints {
        let lowest = self.points().iter().map(|p| p.1).fold(f32::MIN, f32::max);
        let shift = |p: &mut (f32, f32)| p.1 -= lowest;
        for p in [
            &mut self.head,
            &mut self.neck,
            &mut self.shoulder,
            &mut self.elbow,
            &mut self.wrist,
            &mut self.pelvis,
        ] {
            shift(p);
        }
        for p in self
            .knees
            .iter_mut()
            .chain(self.ankles.iter_mut())
            .chain(self.toes.iter_mut())
        {
            shift(p);
        }
        self
    }
}

fn line(a: (f32, f32), b: (f32, f32), class: &'static str) -> Html {
    html! { <line {class} x1={unit(a.0)} y1={unit(a.1)} x2={unit(b.0)} y2={unit(b.1)} /> }
}

fn figure(j: &Joints, class: &'static str) -> Html {
    html! {
        <g class={class}>
            // The other leg first, so the working leg is drawn on top.
            { line(j.pelvis, j.knees[1], "hc-limb hc-other") }
            { line(j.knees[1], j.ankles[1], "hc-limb hc-other") }
            { line(j.ankles[1], j.toes[1], "hc-limb hc-other") }
            { line(j.pelvis, j.neck, "hc-limb") }
            { line(j.shoulder, j.elbow, "hc-limb") }
            { line(j.elbow, j.wrist, "hc-limb") }
            { line(j.pelvis, j.knees[0], "hc-limb hc-work") }
            { line(j.knees[0], j.ankles[0], "hc-limb hc-work") }
            { line(j.ankles[0], j.toes[0], "hc-limb hc-work") }
            <circle class="hc-head" cx={unit(j.head.0)} cy={unit(j.head.1)} r={unit(HEAD_RADIUS)} />
        </g>
    }
}

/// The exercise's start and end poses, drawn over each other (animated between them when
/// reduced motion is off); `label` names it for screen readers.
pub fn exercise_figure(illustration: &Illustration, label: String) -> Html {
    let start = Joints::of(&illustration.start).on_floor();
    let end = Joints::of(&illustration.end).on_floor();
    let all: Vec<(f32, f32)> = start.points().into_iter().chain(end.points()).collect();
    let pad = 8.0;
    let min_x = all.iter().map(|p| p.0).fold(f32::MAX, f32::min) - pad;
    let max_x = all.iter().map(|p| p.0).fold(f32::MIN, f32::max) + pad;
    let min_y = all.iter().map(|p| p.1).fold(f32::MAX, f32::min) - pad;
    let width = (max_x - min_x).max(60.0);
    let height = (pad - min_y).max(60.0);
    let moves = illustration.start != illustration.end;
    html! {
        <svg class={classes!("hc-figure", moves.then_some("hc-moves"))} role="img" aria-label={label}
            viewBox={format!("{} {} {} {}", unit(min_x), unit(min_y), unit(width), unit(height))}>
            <line class="hc-floor" x1={unit(min_x)} y1="1" x2={unit(min_x + width)} y2="1" />
            if moves { { figure(&start, "hc-pose hc-pose-start") } }
            { figure(&end, "hc-pose hc-pose-end") }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn the_polynomial_sine_matches_libm_for_every_whole_degree() {
        for degrees in -360i16..=720 {
            let exact = f64::from(degrees).to_radians().sin() as f32;
            let error = (sin_degrees(degrees) - exact).abs();
            assert!(
                error < 2e-4,
                "sin({degrees}°): {} vs {exact}",
                sin_degrees(degrees)
            );
        }
    }

    #[wasm_bindgen_test]
    fn a_standing_pose_puts_the_feet_on_the_floor_below_the_head() {
        let standing = Pose {
            trunk: 180,
            work_thigh: 0,
            work_shin: 0,
            other_thigh: 0,
            other_shin: 0,
            upper_arm: 0,
            forearm: 0,
        };
        let joints = Joints::of(&standing).on_floor();
        assert!(joints.head.1 < joints.pelvis.1 && joints.pelvis.1 < joints.ankles[0].1);
        assert!(
            joints.ankles[0].1.abs() < 0.5,
            "ankle on the floor: {}",
            joints.ankles[0].1
        );
        assert!(
            (joints.knees[0].0 - joints.pelvis.0).abs() < 0.5,
            "straight leg hangs straight down"
        );
    }
}
