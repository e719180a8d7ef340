//! Exercise illustrations, drawn at build time: a stick figure posed from a few joint angles
//! (content/exercises.toml), its prop, and a curved arrow along the path of what moves, written
//! as SVG path data into the after-Start text. The browser only places the paths
//! (`ui::widgets::figure`) and flips between the frames, so no geometry or trigonometry ships
//! in the wasm (docs/architecture.md, "Size trade-offs").
//!
//! The drawing is one line of fields separated by `|`: the viewBox, the floor (none in water),
//! the props that stay put (a chair, a step, water, a tether's anchor…), the arrow, then one
//! field per frame. The frames go from
//! the start pose to the end pose by whole-degree steps of every angle (angles, not points, so
//! limbs keep their length); a still exercise has one. A frame is its paths separated by `;`:
//! the other leg, the trunk and arm, the working (sore) leg, the head, and a prop that moves
//! with the body (a bar, a ball, a band, a tether's line…; empty without one). Coordinates are
//! whole units.

use crate::content::model::{Illustration, Pose, Tether};
use crate::vocabulary::{BodyPoint, PoseView, Prop};

const TRUNK: f64 = 48.0;
const HEAD_RADIUS: f64 = 9.0;
const THIGH: f64 = 40.0;
const SHIN: f64 = 40.0;
const FOOT: f64 = 11.0;
const UPPER_ARM: f64 = 26.0;
const FOREARM: f64 = 24.0;
const PAD: f64 = 10.0;
/// The smallest viewBox side, so a compact pose is not blown up.
const MIN_SIDE: f64 = 60.0;
/// Frames of a moving exercise, start and end included.
pub const FRAMES: usize = 5;
/// How far (units) a point may be from what carries it and still rest on it.
const CONTACT: f64 = 3.0;
/// Below this (units) nothing moves enough for an arrow.
const STILL: f64 = 8.0;
/// A kettlebell's handle and the bell's radius (units).
const KETTLEBELL_HANDLE: f64 = 6.0;
const KETTLEBELL: f64 = 8.0;
/// The shortest arrow drawn for a point the content names (units).
const SHORTEST_NAMED_ARROW: f64 = 24.0;

type Point = (f64, f64);

/// A segment direction: 0° points down, 90° the way the figure faces, 180° up (SVG y grows down).
fn towards(from: Point, angle: f64, length: f64) -> Point {
    let radians = angle.to_radians();
    (
        from.0 + length * radians.sin(),
        from.1 + length * radians.cos(),
    )
}

/// A pose's angles as drawn, the optional ones worked out (`Angles::of`), so frames between two
/// poses turn every angle by the same share.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Angles {
    trunk: f64,
    thighs: [f64; 2],
    shins: [f64; 2],
    /// A foot's own direction, when the pose gives one (else at right angles to its shin,
    /// worked out per frame so the default rounds like the shin).
    feet: [Option<f64>; 2],
    arm: [f64; 2],
    far_arm: [f64; 2],
    look: f64,
    work_open: f64,
    lifts: [f64; 2],
    /// The trunk's lift off the floor and the whole body's (lying on the side).
    body_lifts: [f64; 2],
}

impl Angles {
    fn of(pose: &Pose) -> Angles {
        let angle = |value: i16| f64::from(value);
        let optional = |value: Option<i16>, otherwise: f64| value.map_or(otherwise, angle);
        let arm = [angle(pose.upper_arm), angle(pose.forearm)];
        Angles {
            trunk: angle(pose.trunk),
            thighs: [angle(pose.work_thigh), angle(pose.other_thigh)],
            shins: [angle(pose.work_shin), angle(pose.other_shin)],
            feet: [pose.work_foot.map(angle), pose.other_foot.map(angle)],
            arm,
            far_arm: [
                optional(pose.far_upper_arm, arm[0]),
                optional(pose.far_forearm, arm[1]),
            ],
            // Ahead of the trunk: at right angles to it, the way the figure faces.
            look: optional(pose.look, angle(pose.trunk) - 90.0),
            work_open: optional(pose.work_open, 0.0),
            lifts: [
                optional(pose.work_lift, 0.0),
                optional(pose.other_lift, 0.0),
            ],
            body_lifts: [
                optional(pose.trunk_lift, 0.0),
                optional(pose.body_lift, 0.0),
            ],
        }
    }

    /// The frame `t` of the way from `self` to `end`, in whole degrees.
    fn towards(&self, end: &Angles, t: f64) -> Angles {
        let at = |a: f64, b: f64| (a + (b - a) * t).round();
        let pair = |a: [f64; 2], b: [f64; 2]| [at(a[0], b[0]), at(a[1], b[1])];
        Angles {
            trunk: at(self.trunk, end.trunk),
            thighs: pair(self.thighs, end.thighs),
            shins: pair(self.shins, end.shins),
            feet: std::array::from_fn(|i| match (self.feet[i], end.feet[i]) {
                (None, None) => None,
                (from, to) => Some(at(
                    from.unwrap_or(self.shins[i] + 90.0),
                    to.unwrap_or(end.shins[i] + 90.0),
                )),
            }),
            arm: pair(self.arm, end.arm),
            far_arm: pair(self.far_arm, end.far_arm),
            look: at(self.look, end.look),
            work_open: at(self.work_open, end.work_open),
            lifts: pair(self.lifts, end.lifts),
            body_lifts: pair(self.body_lifts, end.body_lifts),
        }
    }
}

/// What a figure draws besides one stick body: a second arm, a face.
#[derive(Debug, Clone, Copy, Default)]
struct Extras {
    far_arm: bool,
    face: bool,
}

impl Extras {
    fn of(illustration: &Illustration) -> Extras {
        let poses = [&illustration.start, &illustration.end];
        Extras {
            far_arm: poses
                .iter()
                .any(|p| p.far_upper_arm.is_some() || p.far_forearm.is_some()),
            face: poses.iter().any(|p| p.look.is_some()),
        }
    }
}

/// The body's points: on the page, or in space while it is laid on its side (`Joints::lying`).
#[derive(Debug, Clone, Copy)]
struct Joints<P = Point> {
    head: P,
    neck: P,
    shoulder: P,
    elbow: P,
    wrist: P,
    /// The far arm's elbow and wrist, when it is drawn.
    far_arm: Option<[P; 2]>,
    /// The nose (a small triangle on the head: its root, tip, root), when the face is drawn.
    nose: Option<[P; 3]>,
    pelvis: P,
    /// Lying on the side, where each leg starts (working leg first): the hips one above the
    /// other. Otherwise the legs start at the pelvis.
    hips: Option<[P; 2]>,
    /// Working leg first.
    knees: [P; 2],
    ankles: [P; 2],
    toes: [P; 2],
}

impl<P: Copy> Joints<P> {
    /// Every point moved through `to`.
    fn map<Q>(self, to: impl Fn(P) -> Q) -> Joints<Q> {
        Joints {
            head: to(self.head),
            neck: to(self.neck),
            shoulder: to(self.shoulder),
            elbow: to(self.elbow),
            wrist: to(self.wrist),
            far_arm: self.far_arm.map(|arm| arm.map(&to)),
            nose: self.nose.map(|nose| nose.map(&to)),
            pelvis: to(self.pelvis),
            hips: self.hips.map(|hips| hips.map(&to)),
            knees: self.knees.map(&to),
            ankles: self.ankles.map(&to),
            toes: self.toes.map(&to),
        }
    }
}

impl Joints {
    fn of(angles: &Angles, extras: Extras) -> Joints {
        let pelvis = (0.0, 0.0);
        let trunk = angles.trunk;
        let neck = towards(pelvis, trunk, TRUNK);
        let leg = |i: usize| {
            let knee = towards(pelvis, angles.thighs[i], THIGH);
            let ankle = towards(knee, angles.shins[i], SHIN);
            let foot = angles.feet[i].unwrap_or(angles.shins[i] + 90.0);
            (knee, ankle, towards(ankle, foot, FOOT))
        };
        let (k0, a0, t0) = leg(0);
        let (k1, a1, t1) = leg(1);
        let shoulder = towards(pelvis, trunk, TRUNK - 4.0);
        let arm = |[upper, fore]: [f64; 2]| {
            let elbow = towards(shoulder, upper, UPPER_ARM);
            [elbow, towards(elbow, fore, FOREARM)]
        };
        let [elbow, wrist] = arm(angles.arm);
        // The head tips half as far as the eyes turn from straight ahead of the trunk.
        let turn = (angles.look - (trunk - 90.0) + 540.0).rem_euclid(360.0) - 180.0;
        let head = if extras.face {
            towards(neck, trunk + turn / 2.0, HEAD_RADIUS + 2.0)
        } else {
            towards(neck, trunk, HEAD_RADIUS + 2.0)
        };
        Joints {
            head,
            neck,
            shoulder,
            elbow,
            wrist,
            far_arm: extras.far_arm.then(|| arm(angles.far_arm)),
            nose: extras.face.then(|| {
                [
                    towards(head, angles.look - 30.0, HEAD_RADIUS - 1.0),
                    towards(head, angles.look, HEAD_RADIUS + NOSE),
                    towards(head, angles.look + 30.0, HEAD_RADIUS - 1.0),
                ]
            }),
            pelvis,
            hips: None,
            knees: [k0, k1],
            ankles: [a0, a1],
            toes: [t0, t1],
        }
    }

    /// Every point the body reaches (the head as its top and bottom).
    fn points(&self) -> Vec<Point> {
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
        points.extend(self.hips.into_iter().flatten());
        points.extend(self.far_arm.into_iter().flatten());
        points.extend(self.nose.map(|[_, tip, _]| tip));
        points.push((self.head.0, self.head.1 - HEAD_RADIUS));
        points.push((self.head.0, self.head.1 + HEAD_RADIUS));
        points
    }

    /// Where `point` is: a foot is its lower end (heel or toe), knees and hands their middle.
    fn at(&self, point: BodyPoint) -> Point {
        let foot = |i: usize| {
            let (a, t) = (self.ankles[i], self.toes[i]);
            if a.1 >= t.1 {
                a
            } else {
                t
            }
        };
        let middle = |a: Point, b: Point| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        match point {
            BodyPoint::Pelvis => self.pelvis,
            BodyPoint::Shoulder => self.shoulder,
            BodyPoint::Hands => self.wrist,
            BodyPoint::Knees => middle(self.knees[0], self.knees[1]),
            BodyPoint::Ankles => middle(self.ankles[0], self.ankles[1]),
            BodyPoint::WorkAnkle => self.ankles[0],
            BodyPoint::WorkKnee => self.knees[0],
            BodyPoint::WorkFoot => foot(0),
            BodyPoint::OtherFoot => foot(1),
            BodyPoint::Head => self.nose.map_or(self.head, |[_, tip, _]| tip),
        }
    }

    fn moved(self, (dx, dy): Point) -> Joints {
        self.map(|p| (p.0 + dx, p.1 + dy))
    }

    /// The points an arrow may follow, the working leg's first.
    fn movers(&self) -> [Point; 7] {
        [
            self.ankles[0],
            self.knees[0],
            self.ankles[1],
            self.knees[1],
            self.wrist,
            self.head,
            self.pelvis,
        ]
    }

    /// Other leg (and the far arm), trunk and arm, working leg, head: the order they are drawn
    /// in, so the working leg is on top.
    fn paths(&self) -> [String; 4] {
        let hip = |i: usize| self.hips.map_or(self.pelvis, |hips| hips[i]);
        let leg = |i: usize| polyline(&[hip(i), self.knees[i], self.ankles[i], self.toes[i]]);
        let hip_bar = self.hips.map(|hips| polyline(&hips)).unwrap_or_default();
        let far_arm = self
            .far_arm
            .map(|[elbow, wrist]| polyline(&[self.shoulder, elbow, wrist]))
            .unwrap_or_default();
        let nose = self
            .nose
            .map(|nose| format!("{}Z", polyline(&nose)))
            .unwrap_or_default();
        [
            format!("{}{far_arm}", leg(1)),
            format!(
                "{}{hip_bar}{}",
                polyline(&[self.pelvis, self.neck]),
                polyline(&[self.shoulder, self.elbow, self.wrist])
            ),
            leg(0),
            format!("{}{nose}", circle(self.head, HEAD_RADIUS)),
        ]
    }

    /// The body lying on its side, seen from in front and a little above: the pose's side view
    /// laid on the floor (head to the left, front towards the viewer), the upper leg a hip's
    /// width above the lower one, the far arm on the floor, the legs turned (`work_open`, `lifts`),
    /// then drawn in an oblique view. Also each point's height above the floor, as
    /// (height, -height) so that `at` finds the lower end of a foot as it does on screen.
    fn lying(self, angles: &Angles, work_on_top: bool) -> (Joints, Joints) {
        let laid = |p: Point, height: f64| -> Space { [p.1, p.0, height] };
        let (work, other) = if work_on_top {
            (HIPS, 0.0)
        } else {
            (0.0, HIPS)
        };
        let middle = HIPS / 2.0;
        let leg = |i: usize, height: f64, open: f64, lift: f64| -> [Space; 3] {
            let hip = [0.0, 0.0, height];
            let [mut knee, ankle, toe] =
                [self.knees[i], self.ankles[i], self.toes[i]].map(|p| laid(p, height));
            knee = turn_up(knee, hip, unit_vector(difference(ankle, hip)), open);
            let across = unit_vector(cross(difference(ankle, hip), [0.0, 0.0, 1.0]));
            // One signed angle for the whole leg: positive raises the ankle.
            let signed = if turn(ankle, hip, across, 1.0)[2] >= turn(ankle, hip, across, -1.0)[2] {
                lift
            } else {
                -lift
            };
            [knee, ankle, toe].map(|p| turn(p, hip, across, signed))
        };
        let [k0, a0, t0] = leg(0, work, angles.work_open, angles.lifts[0]);
        let [k1, a1, t1] = leg(1, other, 0.0, angles.lifts[1]);
        let mut space: Joints<Space> = Joints {
            head: laid(self.head, middle),
            neck: laid(self.neck, middle),
            shoulder: laid(self.shoulder, middle),
            // The upper arm lies along the body (or in front of it), the lower one on the floor.
            elbow: laid(self.elbow, middle),
            wrist: laid(self.wrist, middle),
            far_arm: self.far_arm.map(|arm| arm.map(|p| laid(p, 0.0))),
            nose: self.nose.map(|nose| nose.map(|p| laid(p, middle))),
            pelvis: laid(self.pelvis, middle),
            hips: Some([[0.0, 0.0, work], [0.0, 0.0, other]]),
            knees: [k0, k1],
            ankles: [a0, a1],
            toes: [t0, t1],
        };
        let [trunk_lift, body_lift] = angles.body_lifts;
        if trunk_lift != 0.0 || body_lift != 0.0 {
            let across = [0.0, 1.0, 0.0];
            // The trunk turns up about the hips, the head's end rising.
            let hips = space.pelvis;
            let signed = if turn(space.neck, hips, across, 1.0)[2] > space.neck[2] {
                trunk_lift
            } else {
                -trunk_lift
            };
            let trunk = |p: Space| turn(p, hips, across, signed);
            space.head = trunk(space.head);
            space.neck = trunk(space.neck);
            space.shoulder = trunk(space.shoulder);
            space.nose = space.nose.map(|nose| nose.map(trunk));
            space.far_arm = space.far_arm.map(|arm| arm.map(trunk));
            // Then the whole body about the feet (where the lower one rests), the hips rising.
            let feet = [space.ankles[0][0].max(space.ankles[1][0]), 0.0, 0.0];
            let signed = if turn(space.pelvis, feet, across, 1.0)[2] > space.pelvis[2] {
                body_lift
            } else {
                -body_lift
            };
            space = space.map(|p| turn(p, feet, across, signed));
            // Propped on the arm: the elbow under the shoulder, the forearm on the floor.
            let shoulder = space.shoulder;
            space.elbow = [shoulder[0], shoulder[1], shoulder[2] - UPPER_ARM];
            // Towards the viewer and a little towards the head, so the bend shows from above.
            space.wrist = [
                shoulder[0] - FOREARM * 0.6,
                shoulder[1] + FOREARM * 0.8,
                shoulder[2] - UPPER_ARM,
            ];
        }
        let (sine, cosine) = VIEW_FROM_ABOVE.to_radians().sin_cos();
        (
            space.map(|[along, near, up]| (along, near * sine - up * cosine)),
            space.map(|[_, _, up]| (up, -up)),
        )
    }
}

/// Degrees above the floor the lying-on-the-side view looks down from.
const VIEW_FROM_ABOVE: f64 = 30.0;
/// How far above the lower hip the upper one is, lying on the side.
const HIPS: f64 = 14.0;
const NOSE: f64 = 5.0;

/// A point in space while the body lies on its side: along the body towards the feet, towards
/// the viewer, up from the floor.
type Space = [f64; 3];

fn difference(a: Space, b: Space) -> Space {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

fn cross(a: Space, b: Space) -> Space {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}

fn unit_vector(a: Space) -> Space {
    let length = (a[0] * a[0] + a[1] * a[1] + a[2] * a[2]).sqrt();
    if length < 1e-9 {
        [0.0; 3]
    } else {
        a.map(|v| v / length)
    }
}

/// `point` turned `degrees` about the line through `origin` along `axis` (Rodrigues).
fn turn(point: Space, origin: Space, axis: Space, degrees: f64) -> Space {
    let r = difference(point, origin);
    let (sine, cosine) = degrees.to_radians().sin_cos();
    let across = cross(axis, r);
    let along = axis[0] * r[0] + axis[1] * r[1] + axis[2] * r[2];
    std::array::from_fn(|k| {
        origin[k] + r[k] * cosine + across[k] * sine + axis[k] * along * (1.0 - cosine)
    })
}

/// `point` turned `degrees` about the axis, the way that raises it (lowers it when negative).
fn turn_up(point: Space, origin: Space, axis: Space, degrees: f64) -> Space {
    let (a, b) = (
        turn(point, origin, axis, degrees),
        turn(point, origin, axis, -degrees),
    );
    if (a[2] >= b[2]) == (degrees >= 0.0) {
        a
    } else {
        b
    }
}

/// What carries the body besides the floor: a seat, a bench or a step, as the top of a box
/// from `left` to `right` at height `top` (negative: above the floor).
#[derive(Debug, Clone, Copy)]
struct Support {
    left: f64,
    right: f64,
    top: f64,
}

impl Support {
    /// The height a point at `x` rests on: the highest support there, else `floor`.
    fn level(supports: &[Support], x: f64, floor: f64) -> f64 {
        supports
            .iter()
            .filter(|s| (s.left..=s.right).contains(&x))
            .map(|s| s.top)
            .fold(floor, f64::min)
    }
}

/// Where the prop usually touches the body, when the exercise does not say.
pub fn prop_point(prop: Prop) -> BodyPoint {
    match prop {
        Prop::Chair | Prop::Bench | Prop::Bike => BodyPoint::Pelvis,
        Prop::Step | Prop::Slider => BodyPoint::WorkFoot,
        Prop::Bar | Prop::Kettlebell => BodyPoint::Hands,
        Prop::Wall | Prop::Water => BodyPoint::Shoulder,
        Prop::None | Prop::Belt | Prop::Band | Prop::Ball | Prop::Pillow => BodyPoint::Knees,
    }
}

/// A prop that stays put while the body moves (drawn once, from the start pose).
fn stays_put(prop: Prop) -> bool {
    matches!(
        prop,
        Prop::Chair | Prop::Bench | Prop::Step | Prop::Wall | Prop::Water | Prop::Bike
    )
}

fn unit(value: f64) -> i32 {
    value.round() as i32
}

fn polyline(points: &[Point]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{} {}",
                if i == 0 { 'M' } else { 'L' },
                unit(p.0),
                unit(p.1)
            )
        })
        .collect()
}

/// A circle as two arcs, so every field is path data.
fn circle((x, y): Point, radius: f64) -> String {
    let (x, y, r) = (unit(x), unit(y), unit(radius));
    format!(
        "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0",
        x - r,
        2 * r,
        2 * r
    )
}

/// The figure's frames, placed: the start pose resting on the ground, each later one moved so
/// the fixed point stays where it was and the body rests on the ground or the props that stay
/// put; and those props. Lying on the side, the frames are drawn from above (`Joints::lying`)
/// and each point's height above the floor is kept for `check`.
struct Placed {
    frames: Vec<Joints>,
    heights: Vec<Joints>,
    supports: Vec<Support>,
    ground: Ground,
}

/// What the lowest point rests on where no support is: the floor, sloping up the way the figure
/// faces on a hill, or on a bike the bottom of the pedals' circle.
#[derive(Debug, Clone, Copy)]
struct Ground {
    at_zero: f64,
    rise: f64,
}

impl Ground {
    fn at(&self, x: f64) -> f64 {
        self.at_zero - x * self.rise
    }
}

fn lying_view(view: PoseView) -> Option<bool> {
    match view {
        PoseView::LyingOnGoodSide => Some(true),
        PoseView::LyingOnSoreSide => Some(false),
        PoseView::Side | PoseView::Front => None,
    }
}

/// On a bike the feet go round on the pedals, above the floor.
const PEDAL_BOTTOM: f64 = -12.0;
const WHEEL: f64 = 19.0;

/// A bike under a rider in the start pose: both feet on the pedals' circle (the pedals are
/// opposite each other, so the circle's centre is midway between the feet), the handlebar in
/// the hands, the wheels on the floor.
struct Bike {
    crank: Point,
    crank_radius: f64,
    bar: Point,
    rear: Point,
    front: Point,
}

impl Bike {
    fn of(first: &Joints) -> Bike {
        let [a, b] = first.ankles;
        let crank = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let crank_radius = ((a.0 - b.0).hypot(a.1 - b.1) / 2.0).max(6.0);
        let bar = (first.wrist.0, first.wrist.1 + 2.0);
        Bike {
            crank,
            crank_radius,
            bar,
            rear: (crank.0 - 34.0, -WHEEL),
            // The fork rakes forward from the bar, and the wheel stays clear of the pedals.
            front: (
                (bar.0 + 6.0).max(crank.0 + crank_radius + WHEEL + 6.0),
                -WHEEL,
            ),
        }
    }
}

fn place(illustration: &Illustration) -> Placed {
    let (start, end) = (
        Angles::of(&illustration.start),
        Angles::of(&illustration.end),
    );
    let extras = Extras::of(illustration);
    let count = if start == end { 1 } else { FRAMES };
    let ground = Ground {
        at_zero: if illustration.prop == Prop::Bike {
            PEDAL_BOTTOM
        } else {
            0.0
        },
        rise: f64::from(illustration.slope).to_radians().tan(),
    };
    let angles = (0..count).map(|i| {
        let t = if count == 1 {
            0.0
        } else {
            i as f64 / (count - 1) as f64
        };
        start.towards(&end, t)
    });
    if let Some(work_on_top) = lying_view(illustration.view) {
        let (mut frames, heights): (Vec<Joints>, Vec<Joints>) = angles
            .map(|a| Joints::of(&a, extras).lying(&a, work_on_top))
            .unzip();
        let fixed = frames[0].at(illustration.fixed).0;
        for joints in &mut frames {
            *joints = joints.moved((fixed - joints.at(illustration.fixed).0, 0.0));
        }
        return Placed {
            frames,
            heights,
            supports: Vec::new(),
            ground,
        };
    }
    let rest_on = |joints: Joints, supports: &[Support]| {
        let lift = joints
            .points()
            .iter()
            .map(|p| Support::level(supports, p.0, ground.at(p.0)) - p.1)
            .fold(f64::MAX, f64::min);
        joints.moved((0.0, lift))
    };
    let first = rest_on(Joints::of(&start, extras), &[]);
    let supports = support(illustration, &first)
        .into_iter()
        .collect::<Vec<_>>();
    let fixed = first.at(illustration.fixed);
    let frames: Vec<Joints> = angles
        .map(|a| {
            let joints = Joints::of(&a, extras);
            let x = fixed.0 - joints.at(illustration.fixed).0;
            rest_on(joints.moved((x, 0.0)), &supports)
        })
        .collect();
    Placed {
        heights: Vec::new(),
        frames,
        supports,
        ground,
    }
}

/// The box a seat, bench or step makes under the point it carries in the start pose.
fn support(illustration: &Illustration, first: &Joints) -> Option<Support> {
    let on = first.at(illustration.on.unwrap_or(prop_point(illustration.prop)));
    let half = match illustration.prop {
        Prop::Step => 12.0,
        Prop::Chair => 14.0,
        Prop::Bench => 18.0,
        _ => return None,
    };
    // A seat carries the pelvis a little above its top (the buttocks); a foot stands on it.
    let top = if illustration.prop == Prop::Step {
        on.1
    } else {
        on.1 + 4.0
    };
    // Shoulders on a bench lean against its edge: the bench lies towards the head.
    let centre = if illustration.on == Some(BodyPoint::Shoulder) {
        on.0 + (on.0 - first.pelvis.0).signum() * (half - 3.0)
    } else {
        on.0
    };
    (top < -4.0).then_some(Support {
        left: centre - half,
        right: centre + half,
        top,
    })
}

/// The props that stay put, drawn under or around the start pose.
fn fixed_prop(illustration: &Illustration, first: &Joints, supports: &[Support]) -> String {
    let on = first.at(illustration.on.unwrap_or(prop_point(illustration.prop)));
    let (x, y) = (unit(on.0), unit(on.1));
    match illustration.prop {
        Prop::Step => supports
            .iter()
            .map(|s| format!("M{} 0V{}H{}V0", unit(s.left), unit(s.top), unit(s.right)))
            .collect(),
        Prop::Chair | Prop::Bench => supports
            .iter()
            .map(|s| {
                let (l, r, top) = (unit(s.left), unit(s.right), unit(s.top));
                // A chair has a back behind the sitter (the figure faces +x).
                let back = if illustration.prop == Prop::Chair {
                    format!("M{l} {top}v-34")
                } else {
                    String::new()
                };
                format!("M{l} {top}H{r}M{} {top}V0M{} {top}V0{back}", l + 2, r - 2)
            })
            .collect(),
        Prop::Wall => format!("M{} 0V-190", x - 8),
        Prop::Water => format!(
            "M{} {y}q10 -5 20 0t20 0t20 0t20 0t20 0t20 0t20 0t20 0",
            x - 80
        ),
        Prop::Bike => {
            // The saddle is under the pelvis; the handlebar in the hands, the fork from it down
            // to the front wheel.
            let bike = Bike::of(first);
            let saddle = (on.0, on.1 + 5.0);
            format!(
                "{}{}{}{}{}M{} {}h5",
                circle(bike.rear, WHEEL),
                circle(bike.front, WHEEL),
                circle(bike.crank, bike.crank_radius),
                polyline(&[bike.rear, saddle, bike.crank, bike.rear]),
                polyline(&[saddle, bike.bar, bike.front]),
                unit(bike.bar.0),
                unit(bike.bar.1),
            )
        }
        _ => String::new(),
    }
}

/// Where a tether is tied: `dx`, `dy` from its body point in the start pose, never below the
/// floor.
fn anchor(tether: &Tether, first: &Joints) -> Point {
    let from = first.at(tether.from);
    (
        from.0 + f64::from(tether.dx),
        (from.1 + f64::from(tether.dy)).min(0.0),
    )
}

/// The anchor of a tether: a ring, on a post down to the floor when it is above it.
fn tether_anchor(tether: &Tether, first: &Joints) -> String {
    let (x, y) = anchor(tether, first);
    let post = if y < -3.0 {
        format!("M{} {}V0", unit(x), unit(y + 3.0))
    } else {
        String::new()
    };
    format!("{}{post}", circle((x, y), 3.0))
}

/// The tether's line in one frame, from the body point to the anchor.
fn tether_line(tether: &Tether, first: &Joints, joints: &Joints) -> String {
    polyline(&[joints.at(tether.from), anchor(tether, first)])
}

/// A prop that moves with the body, in one frame.
fn moving_prop(illustration: &Illustration, joints: &Joints) -> String {
    let point = illustration.on.unwrap_or(prop_point(illustration.prop));
    let on = joints.at(point);
    let (x, y) = (unit(on.0), unit(on.1));
    match illustration.prop {
        Prop::Bar => circle(on, 9.0),
        // The handle from the hands down to the bell.
        Prop::Kettlebell => format!(
            "M{x} {y}v{}{}",
            unit(KETTLEBELL_HANDLE),
            circle((on.0, on.1 + KETTLEBELL_HANDLE + KETTLEBELL), KETTLEBELL)
        ),
        Prop::Ball => circle(on, 6.0),
        Prop::Pillow => format!("M{} {y}a8 4 0 1 0 16 0a8 4 0 1 0 -16 0", x - 8),
        // Round both legs: between the two knees (or feet) in a front view, a short loop in a
        // side view where they overlap.
        // A band tied to an anchor is looped round its one point.
        Prop::Band if illustration.tether.is_some() => {
            format!("M{} {y}a5 3 0 1 0 10 0a5 3 0 1 0 -10 0", x - 5)
        }
        Prop::Band | Prop::Belt => {
            let (a, b) = match point {
                BodyPoint::WorkFoot
                | BodyPoint::OtherFoot
                | BodyPoint::Ankles
                | BodyPoint::WorkAnkle => (joints.ankles[0], joints.ankles[1]),
                _ => (joints.knees[0], joints.knees[1]),
            };
            if (a.0 - b.0).abs() > 6.0 {
                polyline(&[a, b])
            } else {
                format!("M{} {y}a7 3 0 1 0 14 0a7 3 0 1 0 -14 0", x - 7)
            }
        }
        Prop::Slider => format!("M{} {}h16", x - 8, y + 2),
        _ => String::new(),
    }
}

/// Something worn at a point (an ankle weight, a float belt): a small block round it.
fn worn_block((x, y): Point) -> String {
    let (x, y) = (unit(x), unit(y));
    format!("M{} {}h10v10h-10z", x - 5, y - 5)
}

/// A float belt: a thick band round the waist, across the trunk just above the pelvis and
/// wider than the body, so it does not read as an ankle weight's block.
fn belt(joints: &Joints) -> String {
    let (pelvis, neck) = (joints.pelvis, joints.neck);
    let length = (neck.0 - pelvis.0).hypot(neck.1 - pelvis.1).max(1.0);
    let along = ((neck.0 - pelvis.0) / length, (neck.1 - pelvis.1) / length);
    let across = (-along.1, along.0);
    let at = |up: f64, side: f64| {
        (
            pelvis.0 + along.0 * up + across.0 * side,
            pelvis.1 + along.1 * up + across.1 * side,
        )
    };
    format!(
        "{}Z",
        polyline(&[
            at(2.0, -11.0),
            at(2.0, 11.0),
            at(10.0, 11.0),
            at(10.0, -11.0)
        ])
    )
}

/// A curved arrow along the path of each point in `along` (without, of the point that moves
/// most), beside it rather than through the body, and the points it reaches (for the viewBox);
/// none where nothing moves. `below` says whether a point is under the ground.
fn arrows(
    frames: &[Joints],
    along: &[BodyPoint],
    below: impl Fn(Point) -> bool,
) -> Vec<(String, Vec<Point>)> {
    let (Some(first), Some(last)) = (frames.first(), frames.last()) else {
        return Vec::new();
    };
    let distance = |a: Point, b: Point| (a.0 - b.0).hypot(a.1 - b.1);
    let paths: Vec<(Point, Point)> = if along.is_empty() {
        first
            .movers()
            .into_iter()
            .zip(last.movers())
            .max_by(|a, b| distance(a.0, a.1).total_cmp(&distance(b.0, b.1)))
            .into_iter()
            .collect()
    } else {
        // A small movement the content points at still gets an arrow that can be seen: the
        // path stretched about its middle to the shortest visible length.
        along
            .iter()
            .map(|&p| {
                let (from, to) = (first.at(p), last.at(p));
                let length = distance(from, to);
                if !(0.5..SHORTEST_NAMED_ARROW).contains(&length) {
                    return (from, to);
                }
                let grow = (SHORTEST_NAMED_ARROW - length) / 2.0 / length;
                let (dx, dy) = ((to.0 - from.0) * grow, (to.1 - from.1) * grow);
                ((from.0 - dx, from.1 - dy), (to.0 + dx, to.1 + dy))
            })
            .collect()
    };
    // An arrow the content asks for may follow the pelvis itself: it goes to the side away
    // from the middle of the whole body instead.
    let halfway = frames[frames.len() / 2];
    let middle = if along.is_empty() {
        halfway.pelvis
    } else {
        let points = halfway.points();
        let count = points.len() as f64;
        let sum = points
            .iter()
            .fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        (sum.0 / count, sum.1 / count)
    };
    paths
        .into_iter()
        .filter_map(|(from, to)| arrow(from, to, middle, &below))
        .collect()
}

fn arrow(
    from: Point,
    to: Point,
    middle: Point,
    below: impl Fn(Point) -> bool,
) -> Option<(String, Vec<Point>)> {
    let length = (to.0 - from.0).hypot(to.1 - from.1);
    if length < STILL {
        return None;
    }
    // The side of the path away from the body's middle (the pelvis, halfway through), unless
    // that side is under the ground.
    let (ux, uy) = ((to.0 - from.0) / length, (to.1 - from.1) / length);
    let mid = ((from.0 + to.0) / 2.0, (from.1 + to.1) / 2.0);
    let away = (mid.0 - middle.0) * -uy + (mid.1 - middle.1) * ux >= 0.0;
    let curve = |normal: Point| {
        let off = |p: Point, by: f64| (p.0 + normal.0 * by, p.1 + normal.1 * by);
        let (a, b) = (off(from, 10.0), off(to, 10.0));
        let control = off(mid, 10.0 + length * 0.3);
        // The head points along the curve's last stretch.
        let (hx, hy) = (b.0 - control.0, b.1 - control.1);
        let h = hx.hypot(hy).max(1.0);
        let back = (-hx / h * 7.0, -hy / h * 7.0);
        let side = (-back.1 * 0.6, back.0 * 0.6);
        let wing = |s: f64| (b.0 + back.0 + side.0 * s, b.1 + back.1 + side.1 * s);
        // The curve's farthest point from its chord is halfway along it.
        let peak = (
            (a.0 + 2.0 * control.0 + b.0) / 4.0,
            (a.1 + 2.0 * control.1 + b.1) / 4.0,
        );
        let path = format!(
            "M{} {}Q{} {} {} {}{}",
            unit(a.0),
            unit(a.1),
            unit(control.0),
            unit(control.1),
            unit(b.0),
            unit(b.1),
            polyline(&[wing(1.0), b, wing(-1.0)])
        );
        (path, vec![a, b, peak, wing(1.0), wing(-1.0)])
    };
    let (first_side, other_side) = if away {
        ((-uy, ux), (uy, -ux))
    } else {
        ((uy, -ux), (-uy, ux))
    };
    let chosen = curve(first_side);
    if chosen.1.iter().any(|&p| below(p)) {
        return Some(curve(other_side));
    }
    Some(chosen)
}

/// The illustration as one line of `|`-separated SVG data (see the module comment).
pub fn drawing(illustration: &Illustration) -> String {
    let placed = place(illustration);
    let first = placed.frames[0];
    let lying = lying_view(illustration.view).is_some();
    let ground = placed.ground;
    let mut all: Vec<Point> = placed.frames.iter().flat_map(Joints::points).collect();
    let arrows = arrows(&placed.frames, &illustration.arrows, |p| {
        !lying && p.1 > ground.at(p.0)
    });
    for (_, reaches) in &arrows {
        all.extend(reaches.iter().map(|&p| {
            if lying {
                p
            } else {
                (p.0, p.1.min(ground.at(p.0)))
            }
        }));
    }
    for s in &placed.supports {
        all.push((s.left, s.top));
        all.push((s.right, s.top));
    }
    if let Some(t) = &illustration.tether {
        all.push(anchor(t, &first));
    }
    if illustration.prop == Prop::Bike {
        let bike = Bike::of(&first);
        all.extend([(bike.rear.0 - WHEEL, 0.0), (bike.front.0 + WHEEL, 0.0)]);
    }
    // Lying on the side: a mat on the floor under the body (each point's shadow, straight
    // down), in the same view from above.
    let mat = lying.then(|| {
        let cosine = VIEW_FROM_ABOVE.to_radians().cos();
        let shadows: Vec<Point> = placed
            .frames
            .iter()
            .zip(&placed.heights)
            .flat_map(|(joints, heights)| {
                joints
                    .points()
                    .into_iter()
                    .zip(heights.points())
                    .map(move |(p, h)| (p.0, p.1 + h.0 * cosine))
            })
            .collect();
        let xs = || shadows.iter().map(|p| p.0);
        let ys = || shadows.iter().map(|p| p.1);
        [
            xs().fold(f64::MAX, f64::min) - 6.0,
            xs().fold(f64::MIN, f64::max) + 6.0,
            ys().fold(f64::MAX, f64::min) - 6.0,
            ys().fold(f64::MIN, f64::max) + 6.0,
        ]
    });
    if let Some([l, r, back, front]) = mat {
        all.extend([(l, back), (r, front)]);
    }
    let min_x = all.iter().map(|p| p.0).fold(f64::MAX, f64::min) - PAD;
    let max_x = all.iter().map(|p| p.0).fold(f64::MIN, f64::max) + PAD;
    let ground_ends = [ground.at(min_x), ground.at(max_x)];
    let lowest = all
        .iter()
        .map(|p| p.1)
        .chain(if lying { vec![] } else { ground_ends.to_vec() })
        .fold(0.0, f64::max);
    let min_y = all.iter().map(|p| p.1).fold(f64::MAX, f64::min) - PAD;
    let width = unit((max_x - min_x).max(MIN_SIDE));
    let height = unit((lowest + PAD - min_y).max(MIN_SIDE));
    let (left, top) = (unit(min_x), unit(min_y));
    let tether = illustration.tether;
    let mut fixed = fixed_prop(illustration, &first, &placed.supports);
    if let Some(t) = &tether {
        fixed.push_str(&tether_anchor(t, &first));
    }
    // In water nothing stands on a floor: no floor line (the figure floats at the surface).
    let floor = if let Some([l, r, back, front]) = mat {
        format!(
            "M{} {}H{}V{}H{}Z",
            unit(l),
            unit(back),
            unit(r),
            unit(front),
            unit(l)
        )
    } else if illustration.prop == Prop::Water {
        String::new()
    } else if illustration.slope == 0 {
        format!("M{left} 1h{width}")
    } else {
        format!(
            "M{left} {}L{} {}",
            unit(ground_ends[0] + 1.0),
            left + width,
            unit(ground.at(f64::from(left + width)) + 1.0)
        )
    };
    let mut fields = vec![
        format!("{left} {top} {width} {height}"),
        floor,
        fixed,
        arrows.into_iter().map(|(path, _)| path).collect(),
    ];
    for joints in &placed.frames {
        let mut paths = joints.paths().to_vec();
        let mut prop = if stays_put(illustration.prop) {
            String::new()
        } else if lying && illustration.prop == Prop::Pillow {
            // On the lower knee, where the upper one lifts off it.
            moving_prop(illustration, &first)
        } else {
            moving_prop(illustration, joints)
        };
        if let Some(t) = &tether {
            prop.push_str(&tether_line(t, &first, joints));
        }
        match illustration.worn {
            Some(BodyPoint::Pelvis) => prop.push_str(&belt(joints)),
            Some(point) => prop.push_str(&worn_block(joints.at(point))),
            None => {}
        }
        paths.push(prop);
        fields.push(paths.join(";"));
    }
    fields.join("|")
}

/// What `content check` refuses in a figure, as (field, message): a knee or elbow bent the wrong
/// way, and a fixed point that does not rest on the floor or the prop in every frame (the body
/// would hang in the air or push through the floor).
pub fn check(illustration: &Illustration) -> Result<(), (&'static str, String)> {
    for (field, pose) in [("start", &illustration.start), ("end", &illustration.end)] {
        for (joint, upper, lower) in [
            ("knee of the working leg", pose.work_thigh, pose.work_shin),
            ("knee of the other leg", pose.other_thigh, pose.other_shin),
        ] {
            if !(upper - 160..=upper).contains(&lower) {
                return Err((
                    field,
                    format!("the {joint} bends the wrong way (a shin is between its thigh - 160 and its thigh)"),
                ));
            }
        }
        let far_arm = (
            pose.far_upper_arm.unwrap_or(pose.upper_arm),
            pose.far_forearm.unwrap_or(pose.forearm),
        );
        for (upper, fore) in [(pose.upper_arm, pose.forearm), far_arm] {
            if !(upper..=upper + 160).contains(&fore) {
                return Err((
                    field,
                    "the elbow bends the wrong way (a forearm is between its upper arm and upper arm + 160)"
                        .to_string(),
                ));
            }
        }
        let turned = [
            pose.work_open,
            pose.work_lift,
            pose.other_lift,
            pose.trunk_lift,
            pose.body_lift,
        ];
        if lying_view(illustration.view).is_none() && turned.iter().any(Option::is_some) {
            return Err((
                field,
                "work_open, work_lift, other_lift, trunk_lift and body_lift are for a figure lying on its side"
                    .to_string(),
            ));
        }
        if !(0..=90).contains(&pose.work_open.unwrap_or(0)) {
            return Err((field, "work_open is between 0 and 90 degrees".to_string()));
        }
    }
    // The pelvis and shoulders are the body's axis: lying or sitting, they rest a body's
    // half-thickness (about a head's radius) above what carries them.
    let reach = match illustration.fixed {
        BodyPoint::Pelvis | BodyPoint::Shoulder => CONTACT + HEAD_RADIUS,
        _ => CONTACT,
    };
    let field = |i: usize| if i == 0 { "start" } else { "end" };
    if lying_view(illustration.view).is_some() {
        let placed = place(illustration);
        for (i, heights) in placed.heights.iter().enumerate() {
            let lowest = heights
                .points()
                .iter()
                .map(|p| p.0)
                .fold(f64::MAX, f64::min);
            if lowest < -CONTACT {
                return Err((
                    field(i),
                    format!("a limb goes {} units through the floor", unit(-lowest)),
                ));
            }
            let height = heights.at(illustration.fixed).0;
            if height > reach {
                return Err((
                    field(i),
                    format!(
                        "the fixed point ({:?}) is {} units above the floor; it must rest on it",
                        illustration.fixed,
                        unit(height)
                    ),
                ));
            }
        }
        return Ok(());
    }
    // In water or on a bike the prop carries the body, not the floor.
    if matches!(illustration.prop, Prop::Water | Prop::Bike) {
        return Ok(());
    }
    let placed = place(illustration);
    for (i, joints) in placed.frames.iter().enumerate() {
        if illustration.prop == Prop::Kettlebell {
            let (x, y) = joints.at(illustration.on.unwrap_or(BodyPoint::Hands));
            let bottom = y + KETTLEBELL_HANDLE + 2.0 * KETTLEBELL;
            if bottom > placed.ground.at(x) + CONTACT {
                return Err((
                    field(i),
                    format!(
                        "the kettlebell goes {} units through the floor",
                        unit(bottom - placed.ground.at(x))
                    ),
                ));
            }
        }
        let (x, y) = joints.at(illustration.fixed);
        let level = Support::level(&placed.supports, x, placed.ground.at(x));
        let carried_by_seat = illustration.fixed == BodyPoint::Pelvis
            && placed.supports.iter().any(|s| (y - s.top).abs() <= reach);
        if (y - level).abs() > reach && !carried_by_seat {
            return Err((
                field(i),
                format!(
                    "the fixed point ({:?}) is {} units above the floor or the prop; it must rest on it",
                    illustration.fixed,
                    unit(level - y)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing() -> Pose {
        Pose {
            trunk: 180,
            ..Pose::default()
        }
    }

    fn illustration(start: Pose, end: Pose) -> Illustration {
        Illustration {
            view: PoseView::Side,
            prop: Prop::None,
            on: None,
            tether: None,
            worn: None,
            slope: 0,
            arrows: Vec::new(),
            fixed: BodyPoint::OtherFoot,
            description: String::new(),
            start,
            end,
        }
    }

    fn frames(drawing: &str) -> Vec<&str> {
        drawing.split('|').skip(4).collect()
    }

    #[test]
    fn a_standing_pose_puts_the_feet_on_the_floor_below_the_head() {
        let placed = place(&illustration(standing(), standing()));
        let joints = placed.frames[0];
        assert!(joints.head.1 < joints.pelvis.1 && joints.pelvis.1 < joints.ankles[0].1);
        assert!(
            joints.ankles[0].1.abs() < 0.5,
            "ankle on the floor: {}",
            joints.ankles[0].1
        );
        assert!(
            (joints.knees[0].0 - joints.pelvis.0).abs() < 0.5,
            "a straight leg hangs down"
        );
    }

    #[test]
    fn something_worn_moves_with_its_point() {
        let mut lift = standing();
        lift.work_thigh = 90;
        lift.work_shin = 0;
        let mut weighted = illustration(standing(), lift);
        weighted.worn = Some(BodyPoint::WorkAnkle);
        let drawn = drawing(&weighted);
        let blocks: Vec<&str> = frames(&drawn)
            .iter()
            .map(|frame| frame.split(';').nth(4).unwrap_or_default())
            .collect();
        assert!(blocks.iter().all(|b| b.ends_with("h10v10h-10z")), "{drawn}");
        assert_ne!(
            blocks.first(),
            blocks.last(),
            "the weight goes up with the ankle"
        );
        assert!(!drawing(&illustration(standing(), lift)).contains("h10v10h-10z"));
    }

    #[test]
    fn a_still_pose_has_one_frame_and_no_arrow_and_a_moving_one_four_and_an_arrow() {
        let still = drawing(&illustration(standing(), standing()));
        assert_eq!(frames(&still).len(), 1, "{still}");
        assert_eq!(still.split('|').nth(3), Some(""), "no arrow: {still}");
        let mut lunge = standing();
        lunge.work_thigh = 90;
        lunge.work_shin = 0;
        let moving = drawing(&illustration(standing(), lunge));
        assert_eq!(frames(&moving).len(), FRAMES, "{moving}");
        let arrow = moving.split('|').nth(3).unwrap_or_default();
        assert!(arrow.starts_with('M') && arrow.contains('Q'), "{arrow}");
        assert!(
            frames(&moving).iter().all(|f| f.split(';').count() == 5),
            "{moving}"
        );
    }

    #[test]
    fn frames_turn_joints_so_limbs_keep_their_length() {
        let mut lifted = standing();
        lifted.work_thigh = 90;
        let placed = place(&illustration(standing(), lifted));
        for joints in &placed.frames {
            let thigh = ((joints.knees[0].0 - joints.pelvis.0).powi(2)
                + (joints.knees[0].1 - joints.pelvis.1).powi(2))
            .sqrt();
            assert!((thigh - THIGH).abs() < 0.01, "{thigh}");
        }
    }

    #[test]
    fn the_fixed_foot_stays_put_and_a_step_carries_the_foot_on_it() {
        // Step-up: the working foot on a step, then standing up on it.
        let mut start = standing();
        start.work_thigh = 70;
        start.work_shin = 0;
        let mut end = standing();
        end.other_thigh = 30;
        end.other_shin = -30;
        let mut step_up = illustration(start, end);
        step_up.prop = Prop::Step;
        step_up.fixed = BodyPoint::WorkFoot;
        let placed = place(&step_up);
        let step = placed.supports[0];
        assert!(step.top < -20.0, "a step of some height: {step:?}");
        let first = placed.frames[0].at(BodyPoint::WorkFoot);
        let last = placed.frames[FRAMES - 1].at(BodyPoint::WorkFoot);
        assert!(
            (first.0 - last.0).abs() < 0.5,
            "the foot stays: {first:?} {last:?}"
        );
        assert!(
            (last.1 - step.top).abs() < 0.5,
            "standing on the step: {last:?} {step:?}"
        );
        assert_eq!(check(&step_up), Ok(()));
    }

    #[test]
    fn a_knee_bent_forwards_or_a_fixed_point_in_the_air_is_refused() {
        let refused = |i: &Illustration, what: &str| {
            check(i).is_err_and(|(_, message)| message.contains(what))
        };
        let mut knee = standing();
        knee.work_thigh = 0;
        knee.work_shin = 40;
        assert!(refused(
            &illustration(standing(), knee),
            "knee of the working leg"
        ));
        let mut floating = illustration(standing(), standing());
        floating.fixed = BodyPoint::Hands;
        assert!(refused(&floating, "must rest on it"));
        assert_eq!(check(&illustration(standing(), standing())), Ok(()));
    }

    #[test]
    fn a_tether_runs_from_its_body_point_to_an_anchor_that_stays_put() {
        let mut lifted = standing();
        lifted.work_thigh = 30;
        let mut tied = illustration(standing(), lifted);
        tied.tether = Some(Tether {
            from: BodyPoint::WorkFoot,
            dx: -40,
            dy: -10,
        });
        let drawn = drawing(&tied);
        let fixed = drawn.split('|').nth(2).unwrap_or_default();
        assert!(
            fixed.contains('a') && fixed.contains('V'),
            "a ring on a post: {fixed}"
        );
        let ends: Vec<&str> = frames(&drawn)
            .iter()
            .map(|f| f.split(';').nth(4).unwrap_or_default())
            .map(|line| line.rsplit('L').next().unwrap_or_default())
            .collect();
        assert!(
            ends.windows(2).all(|w| w[0] == w[1]),
            "one anchor in every frame: {ends:?}"
        );
    }

    fn lying_on_the_good_side(start: Pose, end: Pose) -> Illustration {
        let mut lying = illustration(start, end);
        lying.view = PoseView::LyingOnGoodSide;
        lying.fixed = BodyPoint::Pelvis;
        lying
    }

    fn clam(open: i16) -> Pose {
        Pose {
            trunk: 180,
            work_thigh: 45,
            work_shin: -45,
            other_thigh: 45,
            other_shin: -45,
            work_open: Some(open),
            ..Pose::default()
        }
    }

    #[test]
    fn a_foot_given_its_own_angle_lies_flat_on_the_floor_under_a_bent_knee() {
        let mut squat = standing();
        squat.work_thigh = 45;
        squat.work_shin = -20;
        squat.work_foot = Some(90);
        let joints = place(&illustration(squat, squat)).frames[0];
        assert!(
            (joints.toes[0].1 - joints.ankles[0].1).abs() < 0.5,
            "flat: {joints:?}"
        );
        squat.work_foot = None;
        let joints = place(&illustration(squat, squat)).frames[0];
        assert!(
            joints.toes[0].1 - joints.ankles[0].1 > 3.0,
            "at right angles to the shin the toes point down: {joints:?}"
        );
    }

    #[test]
    fn a_far_arm_is_drawn_behind_only_when_the_pose_gives_one() {
        let mut reach = standing();
        reach.upper_arm = 100;
        reach.forearm = 100;
        let one_arm = drawing(&illustration(standing(), reach));
        reach.far_upper_arm = Some(0);
        reach.far_forearm = Some(0);
        let two_arms = drawing(&illustration(standing(), reach));
        let other_path = |d: &str| {
            frames(d)[FRAMES - 1]
                .split(';')
                .next()
                .unwrap_or_default()
                .matches('M')
                .count()
        };
        assert_eq!(other_path(&one_arm), 1, "the other leg only: {one_arm}");
        assert_eq!(
            other_path(&two_arms),
            2,
            "the other leg and the far arm: {two_arms}"
        );
    }

    #[test]
    fn a_face_looks_where_the_pose_says_and_its_path_can_carry_an_arrow() {
        let down = Pose {
            look: Some(40),
            ..standing()
        };
        let up = Pose {
            look: Some(140),
            ..standing()
        };
        let placed = place(&illustration(down, up));
        let (first, last) = (placed.frames[0], placed.frames[FRAMES - 1]);
        let (from, to) = (first.at(BodyPoint::Head), last.at(BodyPoint::Head));
        assert!(to.1 < from.1 - 10.0, "the nose goes up: {from:?} {to:?}");
        assert!(
            last.head.0 < first.head.0,
            "looking up tips the head back: {:?} {:?}",
            first.head,
            last.head
        );
        let mut nodding = illustration(down, up);
        nodding.arrows = vec![BodyPoint::Head];
        let drawn = drawing(&nodding);
        assert!(
            drawn.split('|').nth(3).is_some_and(|a| a.contains('Q')),
            "{drawn}"
        );
        let head = frames(&drawn)[0].split(';').nth(3).unwrap_or_default();
        assert!(head.ends_with('Z'), "the nose is drawn: {head}");
        assert!(!drawing(&illustration(standing(), standing())).contains('Z'));
    }

    #[test]
    fn on_a_slope_the_feet_rest_on_the_rising_ground() {
        // Feet along the slope: 12 degrees above level.
        let on_the_hill = Pose {
            work_foot: Some(102),
            other_foot: Some(102),
            ..standing()
        };
        let mut hill = illustration(on_the_hill, on_the_hill);
        hill.slope = 12;
        hill.fixed = BodyPoint::WorkFoot;
        let placed = place(&hill);
        let foot = placed.frames[0].at(BodyPoint::WorkFoot);
        assert!((foot.1 - placed.ground.at(foot.0)).abs() < 0.5, "{foot:?}");
        let floor = drawing(&hill)
            .split('|')
            .nth(1)
            .unwrap_or_default()
            .to_string();
        let ys: Vec<i32> = floor
            .split(['M', 'L', ' '])
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(
            ys.len() == 4 && ys[3] < ys[1],
            "rises the way the figure faces: {floor}"
        );
        assert_eq!(check(&hill), Ok(()));
    }

    #[test]
    fn lying_on_the_side_the_top_knee_opens_upward_while_the_feet_stay_together() {
        let clamshell = lying_on_the_good_side(clam(0), clam(45));
        let placed = place(&clamshell);
        let (first, last) = (placed.frames[0], placed.frames[FRAMES - 1]);
        assert!(
            last.knees[0].1 < first.knees[0].1 - 10.0,
            "{first:?} {last:?}"
        );
        for i in 0..2 {
            let moved =
                (first.ankles[i].0 - last.ankles[i].0).hypot(first.ankles[i].1 - last.ankles[i].1);
            assert!(moved < 0.5, "ankle {i} stays: {moved}");
        }
        assert!(
            (first.ankles[0].0 - first.ankles[1].0).abs() < 0.5,
            "the feet are one on the other"
        );
        let lowest = |heights: &Joints| {
            heights
                .points()
                .iter()
                .map(|p| p.0)
                .fold(f64::MAX, f64::min)
        };
        assert!(
            placed.heights.iter().all(|h| lowest(h) > -0.5),
            "nothing under the floor"
        );
        assert_eq!(check(&clamshell), Ok(()));
        let mat = drawing(&clamshell)
            .split('|')
            .nth(1)
            .unwrap_or_default()
            .to_string();
        assert!(
            mat.ends_with('Z') && mat.contains('H'),
            "a mat, not a floor line: {mat}"
        );
    }

    #[test]
    fn a_side_plank_props_on_the_elbow_and_lifts_the_hips_off_the_floor() {
        let lying = |trunk_lift: Option<i16>, body_lift: Option<i16>| Pose {
            trunk: 180,
            trunk_lift,
            body_lift,
            ..Pose::default()
        };
        let mut plank = lying_on_the_good_side(lying(Some(26), None), lying(None, Some(9)));
        plank.fixed = BodyPoint::Hands;
        assert_eq!(check(&plank), Ok(()));
        let placed = place(&plank);
        let (first, last) = (&placed.heights[0], &placed.heights[FRAMES - 1]);
        assert!(
            first.pelvis.0 < HIPS,
            "the hips start on the floor: {first:?}"
        );
        assert!(last.pelvis.0 > first.pelvis.0 + 8.0, "and lift: {last:?}");
        for heights in &placed.heights {
            assert!(
                heights.wrist.0.abs() <= CONTACT,
                "forearm on the floor: {heights:?}"
            );
            assert!(
                (heights.shoulder.0 - heights.elbow.0 - UPPER_ARM).abs() < 0.5,
                "elbow under the shoulder: {heights:?}"
            );
        }
        // Propped too high, the forearm would hang in the air.
        plank.end = lying(None, Some(25));
        assert!(
            check(&plank).is_err_and(|(field, _)| field == "end"),
            "{:?}",
            check(&plank)
        );
    }

    #[test]
    fn a_kettlebell_hangs_from_the_hands_and_may_rest_on_the_floor_but_not_go_through_it() {
        let mut bend = standing();
        bend.trunk = 115;
        bend.work_thigh = 65;
        bend.work_shin = -15;
        bend.other_thigh = 65;
        bend.other_shin = -15;
        bend.upper_arm = -8;
        bend.forearm = -8;
        let mut lift = illustration(bend, standing());
        lift.prop = Prop::Kettlebell;
        assert_eq!(check(&lift), Ok(()));
        let prop = frames(&drawing(&lift))[0]
            .split(';')
            .nth(4)
            .unwrap_or_default()
            .to_string();
        assert!(prop.contains("v6M"), "a handle, then the bell: {prop}");
        bend.trunk = 100;
        lift.start = bend;
        assert!(check(&lift)
            .is_err_and(|(field, m)| field == "start" && m.contains("through the floor")));
    }

    #[test]
    fn a_float_belt_goes_round_the_waist_and_a_small_named_movement_still_gets_an_arrow() {
        let mut belted = illustration(standing(), standing());
        belted.worn = Some(BodyPoint::Pelvis);
        let drawn = drawing(&belted);
        let prop = frames(&drawn)[0]
            .split(';')
            .nth(4)
            .unwrap_or_default()
            .to_string();
        assert!(
            prop.ends_with('Z') && !prop.contains("h10v10"),
            "a band, not a block: {prop}"
        );
        let mut lift = standing();
        lift.work_thigh = 6;
        let mut small = illustration(standing(), lift);
        assert_eq!(
            drawing(&small).split('|').nth(3),
            Some(""),
            "too small to see: no arrow"
        );
        small.arrows = vec![BodyPoint::WorkKnee];
        let arrow = drawing(&small)
            .split('|')
            .nth(3)
            .unwrap_or_default()
            .to_string();
        assert!(arrow.contains('Q'), "named, it gets one: {arrow}");
    }

    #[test]
    fn a_leg_turned_through_the_floor_or_turned_while_standing_is_refused() {
        let refused = |i: &Illustration, what: &str| {
            check(i).is_err_and(|(_, message)| message.contains(what))
        };
        let mut below = clam(0);
        below.work_open = None;
        below.work_lift = Some(-40);
        let mut lying = lying_on_the_good_side(below, below);
        assert!(refused(&lying, "through the floor"), "{:?}", check(&lying));
        below.work_lift = Some(20);
        lying = lying_on_the_good_side(below, below);
        assert_eq!(check(&lying), Ok(()));
        let mut standing_open = standing();
        standing_open.work_open = Some(30);
        assert!(refused(
            &illustration(standing(), standing_open),
            "lying on its side"
        ));
    }

    #[test]
    fn a_band_tied_to_an_anchor_loops_round_its_one_point() {
        let mut apart = standing();
        apart.work_thigh = 24;
        apart.work_shin = 24;
        let mut band = illustration(apart, standing());
        band.prop = Prop::Band;
        band.on = Some(BodyPoint::WorkFoot);
        let between_the_legs = drawing(&band);
        band.tether = Some(Tether {
            from: BodyPoint::WorkFoot,
            dx: 34,
            dy: -4,
        });
        let tied = drawing(&band);
        let prop = |d: &str| {
            frames(d)[0]
                .split(';')
                .nth(4)
                .unwrap_or_default()
                .to_string()
        };
        assert!(
            !prop(&between_the_legs).contains('a'),
            "a line between the ankles: {between_the_legs}"
        );
        assert!(
            prop(&tied).starts_with('M') && prop(&tied).contains("a5 3"),
            "a loop, then the line to the anchor: {tied}"
        );
    }

    #[test]
    fn the_standing_figure_is_drawn_as_expected() {
        // Feet on the floor (y 0), pelvis 80 above, neck 128, head centre 139 (its top at 148,
        // plus 10 of padding: the viewBox starts at -158); the width is the 60 minimum.
        assert_eq!(
            drawing(&illustration(standing(), standing())),
            "-10 -158 60 168|M-10 1h60|||M0 -80L0 -40L0 0L11 0;M0 -80L0 -128M0 -124L0 -98L0 -74;M0 -80L0 -40L0 0L11 0;M-9 -139a9 9 0 1 0 18 0a9 9 0 1 0 -18 0;"
        );
    }
}
