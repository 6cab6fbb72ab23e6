//! Synthetic reports in the style of real pages, for tests and benchmarks (deterministic), behind
//! the `synth` feature. Depends on model only (import in its tests); nothing but tests uses it.
//!
//! [`report_text`] writes the raw text of a 工作总结和工作计划 page the way the bundled seeds
//! look: optional page furniture (breadcrumb, metadata lines, 【打印】, a trailing ×), the
//! headline `深圳市{district}{bureau}{y}年工作总结和{y+1}年工作计划`, a preamble paragraph,
//! `一、{y}年工作总结` and `二、{y+1}年工作计划` with `(一)` sections whose items are run into the
//! section paragraph (`一是…二是…`) or numbered on their own lines (`1.` `2、` `１．`). Sentences
//! are built from the vocabulary of real reports, with figures and units (28亿条, 33.8%), and
//! half-width and full-width punctuation mixed as real pages mix them.
//!
//! Everything is drawn from a seeded [`Rng`] (splitmix64): the same [`Spec`] always gives the
//! same text, byte for byte. [`expected_shape`] tells how many items each section has, so a
//! test can check that the importer recovered the structure that was written.

use crate::model::PartKind;

/// A small, fast, deterministic pseudo-random generator (splitmix64). Not for cryptography.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "x · n >> 64 is below n for any x < 2^64, and n is a usize"
    )]
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`; `lo` when `hi < lo`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo).saturating_add(1))
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    /// One element of `items`, uniformly; the default value when `items` is empty.
    pub fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        items
            .get(self.below(items.len()))
            .copied()
            .unwrap_or_default()
    }
}

/// How the items of a section are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ItemStyle {
    /// `一是…。二是…。` run into the section's paragraph (both parts, like 龙岗).
    RunIn,
    /// `(一)` heading on its own line, then `1.` `2.` items, each on its own line (both parts).
    Numbered,
    /// Run-in items in the summary, numbered items in the plan (like 光明).
    #[default]
    Mixed,
}

/// What to generate. `district` should end in 区 (光明区, 大鹏新区) and `bureau` in 局, 委, 办 …
/// so that the importer can read them back from the title; see [`DISTRICTS`] and [`BUREAUS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub seed: u64,
    pub district: String,
    pub bureau: String,
    /// The year the summary is about; the plan is for the year after.
    pub summary_year: i32,
    /// `(一)` sections in each part (at most 99, the largest Han numeral markers reach). With
    /// none, the summary is a paragraph under its heading.
    pub sections: usize,
    /// Items in each section (`0`: a section is a heading and a paragraph). Run-in markers stop
    /// at 二十是, so run-in sections hold at most 20 (and [`ItemStyle::Mixed`] plans too);
    /// numbered sections at most 999.
    pub items_per_section: usize,
    /// With `uneven`, each section gets between half of `items_per_section` (at least 1) and
    /// `items_per_section` items, like real reports (4, 3, 2, 2, 3).
    pub uneven: bool,
    pub style: ItemStyle,
    /// Breadcrumb or metadata lines, 【打印】 【字体:, the date line, a trailing ×.
    pub furniture: bool,
    /// Most line breaks of the report body lost: paragraphs glued together, or joined by a
    /// space, as on pages copied from a flattened HTML view.
    pub lost_line_breaks: bool,
    /// With `furniture`, the page head runs into the preamble on one line, as on flattened
    /// pages: the date line (`发布日期:… 浏览次数:- 2024年,…`) after a metadata block, or
    /// breadcrumb, headline and date (`当前位置: 首页 > … 深圳市…工作计划 发布日期：… 2024年,…`).
    pub glued_head: bool,
    /// `\r\n` line endings instead of `\n`.
    pub crlf: bool,
    /// Grow the report (items, then sections, then sentences per item) until its text has at
    /// least this many bytes.
    pub target_bytes: Option<usize>,
}

impl Default for Spec {
    fn default() -> Self {
        Spec {
            seed: 0,
            district: "光明区".to_string(),
            bureau: "政务服务和数据管理局".to_string(),
            summary_year: 2024,
            sections: 5,
            items_per_section: 3,
            uneven: false,
            style: ItemStyle::Mixed,
            furniture: true,
            lost_line_breaks: false,
            glued_head: false,
            crlf: false,
            target_bytes: None,
        }
    }
}

/// Districts of 深圳市, as titles write them.
pub const DISTRICTS: &[&str] = &[
    "光明区",
    "龙岗区",
    "福田区",
    "罗湖区",
    "南山区",
    "宝安区",
    "龙华区",
    "坪山区",
    "盐田区",
    "大鹏新区",
];

/// District bureaus that publish 工作总结和工作计划.
pub const BUREAUS: &[&str] = &[
    "政务服务和数据管理局",
    "发展和改革局",
    "工业和信息化局",
    "科技创新局",
    "司法局",
    "财政局",
    "住房和建设局",
    "城市管理和综合执法局",
    "文化广电旅游体育局",
    "卫生健康局",
];

/// A generated page and the structure it was written with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub text: String,
    /// Item counts of each section, per part, in order: the summary then the plan.
    pub shape: Vec<(PartKind, Vec<usize>)>,
}

/// Two pages of different districts' bureaus (光明区 2024, 龙岗区 2025), each at least
/// `target_bytes` long: the large pairs the comparison is timed on (benches, and against git).
pub fn district_pair(target_bytes: usize) -> [String; 2] {
    [(2024, "光明区"), (2025, "龙岗区")].map(|(seed, district)| {
        report_text(&Spec {
            seed,
            district: district.to_string(),
            style: ItemStyle::Mixed,
            uneven: true,
            target_bytes: Some(target_bytes),
            ..Spec::default()
        })
    })
}

/// Two pages of different districts (光明区 2024, 龙岗区 2025) whose parts each have `sections`
/// sections of `items` numbered items: the many-item pairs the benches compare and audit.
pub fn numbered_pair(sections: usize, items: usize) -> [String; 2] {
    [(2024, "光明区"), (2025, "龙岗区")].map(|(seed, district)| {
        report_text(&Spec {
            seed,
            district: district.to_string(),
            summary_year: i32::try_from(seed).unwrap_or(2024),
            sections,
            items_per_section: items,
            style: ItemStyle::Numbered,
            furniture: false,
            ..Spec::default()
        })
    })
}

/// Cuts every item (leaf) of `part` to its first `chars` characters, title then text: for
/// benches of many short items.
pub fn shorten_items(part: &mut crate::model::Part, chars: usize) {
    fn shorten(node: &mut crate::model::Node, chars: usize) {
        if node.children.is_empty() {
            node.title = node.title.chars().take(chars).collect();
            let rest = chars.saturating_sub(node.title.chars().count());
            node.text = node.text.chars().take(rest).collect();
        }
        for child in &mut node.children {
            shorten(child, chars);
        }
    }
    for node in &mut part.nodes {
        shorten(node, chars);
    }
}

/// The raw page text for `spec`.
pub fn report_text(spec: &Spec) -> String {
    generate(spec).text
}

/// The structure of an imported report in the form of [`expected_shape`]: each part's kind and
/// the number of items in each of its sections.
pub fn shape_of(report: &crate::model::Report) -> Vec<(PartKind, Vec<usize>)> {
    report
        .parts
        .iter()
        .map(|p| (p.kind, p.nodes.iter().map(|n| n.children.len()).collect()))
        .collect()
}

/// The structure [`report_text`] writes for `spec`: for each part (summary, plan), the number
/// of items in each of its sections.
pub fn expected_shape(spec: &Spec) -> Vec<(PartKind, Vec<usize>)> {
    generate(spec).shape
}

/// The page text and its structure at once.
pub fn generate(spec: &Spec) -> Generated {
    let mut layout = Layout {
        sections: spec.sections.min(MAX_SECTIONS),
        items: spec.items_per_section.min(item_cap(spec.style)),
        sentences: 2,
    };
    loop {
        let generated = render(spec, &layout);
        match spec.target_bytes {
            Some(target) if generated.text.len() < target => layout.grow(spec.style),
            _ => return generated,
        }
    }
}

/// The largest section number a `(九十九)` marker can carry.
const MAX_SECTIONS: usize = 99;
/// The largest run-in marker the importer reads (二十是).
const MAX_RUN_IN: usize = 20;
/// The most numbered items a section may be asked for: three-digit markers, which the importer
/// reads as it reads `1.` (the benches ask for parts of 10,000 items, more than 99 × 99).
const MAX_NUMBERED: usize = 999;
/// The most numbered items a section gets when a report is grown to a target size (then it
/// gets more sections instead).
const GROWN_NUMBERED: usize = 30;

fn item_cap(style: ItemStyle) -> usize {
    match style {
        ItemStyle::Numbered => MAX_NUMBERED,
        ItemStyle::RunIn | ItemStyle::Mixed => MAX_RUN_IN,
    }
}

#[derive(Debug, Clone, Copy)]
struct Layout {
    sections: usize,
    items: usize,
    /// Body sentences of each item (of each section without items: twice as many).
    sentences: usize,
}

impl Layout {
    fn grow(&mut self, style: ItemStyle) {
        let items_cap = item_cap(style).min(GROWN_NUMBERED);
        // by a fifth at a time, so that a target size is overshot by little
        let step = |n: usize| n + (n / 5).max(1);
        if self.items < items_cap {
            self.items = step(self.items).min(items_cap);
        } else if self.sections < MAX_SECTIONS {
            self.sections = step(self.sections).min(MAX_SECTIONS);
        } else {
            self.sentences = step(self.sentences);
        }
    }
}

/// The punctuation and layout habits of one page.
#[derive(Debug, Clone, Copy)]
struct Habits {
    comma: char,
    semicolon: char,
    open: char,
    close: char,
    /// `.` `、` or `．` (with full-width digits).
    numbered_sep: char,
    indent: &'static str,
    /// Guangming-like metadata block, or a Longgang-like breadcrumb.
    metadata_head: bool,
}

impl Habits {
    fn draw(rng: &mut Rng) -> Self {
        let half_width = rng.chance(3, 4); // both seed pages write `,` and `(一)`
        let (open, close) = if rng.chance(3, 4) {
            ('(', ')')
        } else {
            ('（', '）')
        };
        Habits {
            comma: if half_width { ',' } else { '，' },
            semicolon: if half_width { ';' } else { '；' },
            open,
            close,
            numbered_sep: rng.pick(&['.', '.', '、', '．']),
            indent: rng.pick(&["  ", "\u{3000}\u{3000}", "  ", ""]),
            metadata_head: rng.chance(1, 2),
        }
    }
}

/// Writes one page.
struct Writer<'a> {
    rng: Rng,
    habits: Habits,
    spec: &'a Spec,
    /// The district without 区 / 新区: 光明 for 数字光明.
    short: &'a str,
}

fn render(spec: &Spec, layout: &Layout) -> Generated {
    let mut rng = Rng::new(spec.seed);
    let habits = Habits::draw(&mut rng);
    let short = short_district(&spec.district);
    let mut w = Writer {
        rng,
        habits,
        spec,
        short,
    };
    let year = spec.summary_year;
    let title = format!(
        "深圳市{}{}{year}年工作总结和{}年工作计划",
        spec.district,
        spec.bureau,
        year + 1
    );
    let date = w.date();
    let mut head = Vec::new();
    if spec.furniture {
        head.extend(w.head_furniture(&title, &date));
    }
    head.push(title.clone());
    if spec.furniture {
        head.push(if w.habits.metadata_head {
            format!("发布日期:{date}\u{a0}\u{a0}浏览次数:-")
        } else {
            format!("发布日期：{date}")
        });
    }

    let mut body = vec![w.preamble()];
    let summary_run_in = spec.style != ItemStyle::Numbered;
    let plan_run_in = spec.style == ItemStyle::RunIn;
    let mut shape = Vec::new();
    for (number, kind, run_in) in [
        (1, PartKind::Summary, summary_run_in),
        (2, PartKind::Plan, plan_run_in),
    ] {
        let heading = match kind {
            PartKind::Plan => format!("{}、{}年工作计划", han(number), year + 1),
            _ => format!("{}、{year}年工作总结", han(number)),
        };
        body.push(heading);
        if kind == PartKind::Plan {
            body.push(w.plan_intro(run_in));
        } else if layout.sections == 0 {
            // a summary with no sections is a paragraph under its heading
            body.push(w.paragraph(layout.sentences * 2));
        }
        let mut counts = Vec::new();
        for section in 1..=layout.sections {
            let items = if spec.uneven && layout.items > 0 {
                w.rng.range(layout.items.div_ceil(2), layout.items)
            } else {
                layout.items
            };
            counts.push(items);
            w.section(&mut body, kind, run_in, section, items, layout.sentences);
        }
        shape.push((kind, counts));
    }

    let mut tail = Vec::new();
    if spec.furniture {
        tail.push(w.rng.pick(&["×", "【打印】 【关闭】", "×"]).to_string());
    }
    let text = w.assemble(&head, &body, &tail);
    Generated { text, shape }
}

/// 光明区 -> 光明, 大鹏新区 -> 大鹏.
fn short_district(district: &str) -> &str {
    ["新区", "区", "县"]
        .iter()
        .find_map(|suffix| district.strip_suffix(suffix))
        .filter(|s| !s.is_empty())
        .unwrap_or(district)
}

/// A Han numeral for 1 ..= 99, as markers write them: 一, 十, 十一, 二十, 二十一.
pub fn han(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: usize| DIGITS.get(d).copied().unwrap_or_default();
    match (n / 10, n % 10) {
        (0, units) => digit(units).to_string(),
        (1, units) => format!("十{}", digit(units)),
        (tens, units) => format!("{}十{}", digit(tens), digit(units)),
    }
}

const SUMMARY_EFFORTS: &[&str] = &[
    "多维", "精准", "协同", "双向", "整体", "系统", "创新", "集成",
];
const SECTION_VERBS: &[&str] = &["构建", "推动", "推进", "完善", "加速推进", "深化"];
const SECTION_OBJECTS: &[&str] = &[
    "数字化城市治理体系",
    "软信业集聚发展",
    "民意速办走向深入",
    "数字化政务服务体系",
    "云网数安一体化",
    "数据要素市场化配置改革",
    "政务公开标准化规范化",
    "“一网统管”城市运行体系",
];
const SECTION_RESULTS: &[&str] = &[
    "数字产业加速成势",
    "高效回应群众关切",
    "营商环境持续优化",
    "数字底座更加坚实",
    "数据价值加快释放",
    "政务服务改革形成新亮点",
    "民生诉求服务水平实现新提升",
];
const PROJECTS: &[&str] = &[
    "数字规则引领",
    "数字底座强基",
    "数据要素赋能",
    "应用场景共建",
    "数字生态营造",
    "政务服务提质",
    "基层治理增效",
    "网络安全护航",
];
const FOCUS: &[&str] = &[
    "线上线下融合试点",
    "民生诉求综合改革",
    "大平台大应用建设",
    "构筑全链条安全体系",
    "促规范、优服务",
    "数据要素市场化配置",
];
const AIMS: &[&str] = &[
    "国际一流营商环境",
    "阳光开放的政务环境",
    "智慧高效城运体系",
    "集约高效建设运营新模式",
    "忠诚干净担当的政数铁军",
];
const VERBS: &[&str] = &[
    "推进", "加强", "完善", "深化", "优化", "推动", "强化", "搭建", "建成", "上线", "编制", "升级",
    "拓展", "统筹",
];
const OBJECTS: &[&str] = &[
    "数字政府建设",
    "政务服务“一网通办”",
    "城市运行“一网统管”",
    "政府运行“一网协同”",
    "数据要素市场化配置",
    "公共数据授权运营",
    "政务信息化项目全生命周期管理",
    "数字孪生底板",
    "政务云资源",
    "政务网络安全防护体系",
    "民生诉求分拨处置机制",
    "基层治理数字化平台",
    "区级政务智算基础设施",
    "视频联网共享平台",
    "电子证照应用",
    "政务服务标准化规范化便利化",
    "营商环境",
    "大数据平台",
    "人工智能应用场景",
    "软件和信息技术服务业集聚发展",
    "“高效办成一件事”服务",
    "CIM数字底座",
];
const ADVERBS: &[&str] = &["持续", "全力", "加快", "深入", "稳步", "全面", ""];
const RESULTS: &[&str] = &[
    "初显成效",
    "加快释放",
    "持续提升",
    "取得新突破",
    "稳步推进",
    "更加坚实",
    "不断完善",
    "走深走实",
];
const PLAN_VERBS: &[&str] = &[
    "加强",
    "加快建设",
    "持续提升",
    "深入推动",
    "探索",
    "优化升级",
    "夯实",
    "打造",
    "推动",
    "完善",
];
const GOALS: &[&str] = &[
    "世界一流科学城",
    "全域智慧城市标杆",
    "数字政府先行示范区",
    "国际一流营商环境",
];

impl Writer<'_> {
    fn comma(&mut self) -> char {
        // the odd full-width comma on a half-width page, and the reverse, as real pages have
        match (self.habits.comma, self.rng.chance(1, 10)) {
            (c, false) => c,
            (',', true) => '，',
            (_, true) => ',',
        }
    }

    fn date(&mut self) -> String {
        let year = self.spec.summary_year + 1;
        let month = self.rng.range(1, 12);
        let day = self.rng.range(1, 28);
        format!("{year}-{month:02}-{day:02}")
    }

    fn head_furniture(&mut self, title: &str, date: &str) -> Vec<String> {
        let (district, bureau) = (&self.spec.district, &self.spec.bureau);
        if !self.habits.metadata_head {
            let sep = "\u{a0}>\u{a0}";
            return vec![format!(
                "当前位置: 首页{sep}信息公开{sep}规划计划{sep}年度工作计划及总结{sep}区政府工作部门"
            )];
        }
        let index = format!(
            "1144{:04}MB2D{:05}C-/{}-{:05}",
            self.rng.below(10_000),
            self.rng.below(100_000),
            self.spec.summary_year + 1,
            self.rng.below(100_000)
        );
        let name = title.strip_prefix("深圳市").unwrap_or(title);
        // the metadata block is a run of lines with no blank line between them
        let metadata = [
            format!("索引号: {index} 分类:"),
            format!("发布机构: 深圳市{district}{bureau} 成文日期: {date}"),
            format!("名称: {name}"),
            format!("文号: 发布日期: {date}"),
            "主题词:".to_string(),
            "【打印】 【字体:\u{a0}\u{a0}\u{a0}\u{a0}".to_string(),
        ];
        vec![
            "政府信息公开 规章库".to_string(),
            format!("深圳市{district}{bureau}政府信息公开"),
            metadata.join("\n"),
        ]
    }

    fn preamble(&mut self) -> String {
        let year = self.spec.summary_year;
        let c = self.comma();
        let goal = self.rng.pick(GOALS);
        let mut text = format!(
            "{year}年{c}区{}认真落实区委、区政府部署要求{c}锚定{goal}目标{c}加速推进{}全要素数字化转型{c}为建设数字深圳贡献力量。",
            self.spec.bureau, self.short
        );
        for _ in 0..self.rng.range(1, 3) {
            text.push_str(&self.sentence());
        }
        text
    }

    fn plan_intro(&mut self, run_in: bool) -> String {
        let c = self.comma();
        let goal = self.rng.pick(GOALS);
        if run_in {
            return format!(
                "{}年{c}我局将深入贯彻落实党的二十大精神{c}围绕加快推进“数字中国”建设部署{c}对标国内先进地区{c}奋力打造{goal}。",
                self.spec.summary_year + 1
            );
        }
        let short = self.short;
        format!(
            "围绕建设{goal}{c}加快推进{short}智慧城市建设{c}实施数字规则引领、数据要素赋能、应用场景共建“三大工程”{c}奋力打造{short}全域智慧城市应用标杆示范。"
        )
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences.max(1)).map(|_| self.sentence()).collect()
    }

    /// A `(一)` marker, now and then with mismatched brackets (`(三）`) as real pages have.
    fn section_marker(&mut self, number: usize) -> String {
        let (open, mut close) = (self.habits.open, self.habits.close);
        if self.rng.chance(1, 12) {
            close = if close == ')' { '）' } else { ')' };
        }
        format!("{open}{}{close}", han(number))
    }

    fn numbered_marker(&self, number: usize) -> String {
        let sep = self.habits.numbered_sep;
        if sep == '．' {
            let digits: String = number
                .to_string()
                .chars()
                .map(|d| char::from_u32(u32::from(d) - u32::from('0') + 0xFF10).unwrap_or(d))
                .collect();
            format!("{digits}{sep}")
        } else {
            format!("{number}{sep}")
        }
    }

    fn section(
        &mut self,
        body: &mut Vec<String>,
        kind: PartKind,
        run_in: bool,
        number: usize,
        items: usize,
        sentences: usize,
    ) {
        let marker = self.section_marker(number);
        if run_in || items == 0 {
            let mut paragraph = format!("{marker}{}", self.long_heading(kind));
            if items == 0 {
                paragraph.push_str(&self.paragraph(sentences * 2));
            }
            for item in 1..=items {
                paragraph.push_str(&han(item));
                paragraph.push('是');
                paragraph.push_str(&self.item(kind, sentences));
            }
            body.push(paragraph);
            return;
        }
        let project = self.rng.pick(PROJECTS);
        body.push(format!("{marker}实施{project}工程"));
        for item in 1..=items {
            let marker = self.numbered_marker(item);
            let text = self.item(kind, sentences);
            body.push(format!("{marker}{text}"));
        }
    }

    /// A section heading that is a sentence: `坚持多维发力,构建…,…品牌成形。`
    fn long_heading(&mut self, kind: PartKind) -> String {
        let c = self.comma();
        if kind == PartKind::Plan {
            let focus = self.rng.pick(FOCUS);
            let aim = self.rng.pick(AIMS);
            let object = self.rng.pick(OBJECTS);
            return format!("围绕{focus}{c}持续深化{object}{c}助力打造{aim}。");
        }
        let effort = self.rng.pick(SUMMARY_EFFORTS);
        let verb = self.rng.pick(SECTION_VERBS);
        let object = self.rng.pick(SECTION_OBJECTS);
        let result = self.rng.pick(SECTION_RESULTS);
        if self.rng.chance(1, 4) {
            return format!("坚持{effort}发力{c}“数治{}”品牌成形。", self.short);
        }
        format!("坚持{effort}发力{c}{verb}{object}{c}{result}。")
    }

    /// An item: its heading sentence and body sentences.
    fn item(&mut self, kind: PartKind, sentences: usize) -> String {
        let object = self.rng.pick(OBJECTS);
        let mut text = match kind {
            PartKind::Plan => format!("{}{object}。", self.rng.pick(PLAN_VERBS)),
            _ => format!("{object}{}。", self.rng.pick(RESULTS)),
        };
        for _ in 0..sentences {
            text.push_str(&self.sentence());
        }
        text
    }

    /// A body sentence: one or two clauses, often a figure with its unit.
    fn sentence(&mut self) -> String {
        if self.rng.chance(1, 12) {
            return format!(
                "印发《{}区智慧城市和数字政府建设{}年工作要点》。",
                self.short, self.spec.summary_year
            );
        }
        let mut s = format!(
            "{}{}{}",
            self.rng.pick(ADVERBS),
            self.rng.pick(VERBS),
            self.rng.pick(OBJECTS)
        );
        if self.rng.chance(1, 2) {
            let sep = if self.rng.chance(1, 6) {
                self.habits.semicolon
            } else {
                self.comma()
            };
            s.push(sep);
            s.push_str(self.rng.pick(VERBS));
            let mut second = self.rng.pick(OBJECTS);
            if s.contains(second) {
                second = self.rng.pick(OBJECTS);
            }
            s.push_str(second);
        }
        if self.rng.chance(2, 3) {
            s.push(self.comma());
            s.push_str(&self.figure());
        }
        s.push('。');
        s
    }

    /// A clause with a figure and its unit: 汇聚数据超28亿条, 同比增长33.8%.
    fn figure(&mut self) -> String {
        let r = &mut self.rng;
        let percent =
            |r: &mut Rng, lo: usize, hi: usize| format!("{}.{}%", r.range(lo, hi), r.range(0, 9));
        match r.below(14) {
            0 => format!("汇聚数据超{}亿条", r.range(2, 60)),
            1 => format!("搭建{}平方公里数据底板", r.range(50, 400)),
            2 => format!("梳理政务服务事项{}项", r.range(100, 1200)),
            3 => format!("同比增长{}", percent(r, 1, 99)),
            4 => format!("整体办理时限压缩{}", percent(r, 10, 80)),
            5 => format!("满意率达{}.{:02}%", r.range(95, 99), r.range(0, 99)),
            6 => format!("收集{}个BIM模型", r.range(20, 300)),
            7 => format!("办理业务{}万余笔", r.range(3, 200)),
            8 => format!("建成{}个应用场景", r.range(5, 120)),
            9 => format!("累计服务企业{}家", r.range(100, 5000)),
            10 => format!("新增光缆{}公里", r.range(10, 900)),
            11 => format!("推出“秒批”事项{}个", r.range(10, 300)),
            12 => format!("调用量{}.{}亿条次", r.range(1, 20), r.range(0, 9)),
            _ => format!("实现{}项高频事项“免证办”", r.range(50, 400)),
        }
    }

    /// Lines of the page: head lines, body paragraphs (indented, glued when line breaks were
    /// lost), tail lines, separated by blank lines as on the seed pages.
    fn assemble(&mut self, head: &[String], body: &[String], tail: &[String]) -> String {
        let mut text = String::new();
        // `glued_head`: the date line, or breadcrumb, headline and date, run into the preamble
        let glued = match (self.spec.glued_head, self.habits.metadata_head) {
            (true, _) if head.len() < 2 => 0,
            (true, true) => 1,
            (true, false) => head.len(),
            (false, _) => 0,
        };
        let (separate, glued) = head.split_at(head.len() - glued);
        for line in separate {
            text.push_str(line);
            text.push_str("\n\n");
        }
        for line in glued {
            text.push_str(line);
            text.push(' ');
        }
        let indent = self.habits.indent;
        for (i, paragraph) in body.iter().enumerate() {
            if i == 0 {
                if glued.is_empty() {
                    text.push_str(indent);
                }
            } else if self.spec.lost_line_breaks && !self.rng.chance(1, 6) {
                text.push_str(self.rng.pick(&["", "", " ", "\u{3000}"]));
            } else {
                text.push_str("\n\n");
                text.push_str(indent);
            }
            text.push_str(paragraph);
        }
        for line in tail {
            text.push_str("\n\n");
            text.push_str(line);
        }
        text.push('\n');
        if self.spec.crlf {
            text = text.replace('\n', "\r\n");
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{check_lossless, import_text};

    #[test]
    fn rng_is_deterministic_and_spread() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs[0], xs[1]);
        let mut seen = [0usize; 6];
        for _ in 0..6000 {
            seen[a.below(6)] += 1;
        }
        assert!(seen.iter().all(|&n| (800..1200).contains(&n)), "{seen:?}");
        assert_eq!(a.below(0), 0);
        assert_eq!(a.range(5, 3), 5);
        assert_eq!(a.pick::<&str>(&[]), "");
    }

    #[test]
    fn han_numerals() {
        let got: Vec<String> = [1, 9, 10, 11, 20, 21, 99].iter().map(|&n| han(n)).collect();
        assert_eq!(got, ["一", "九", "十", "十一", "二十", "二十一", "九十九"]);
    }

    #[test]
    fn same_spec_same_text_other_seed_other_text() {
        let spec = Spec::default();
        assert_eq!(report_text(&spec), report_text(&spec));
        let other = Spec {
            seed: 1,
            ..Spec::default()
        };
        assert_ne!(report_text(&spec), report_text(&other));
    }

    #[test]
    fn page_looks_like_a_real_one() {
        let spec = Spec {
            district: "龙岗区".into(),
            summary_year: 2023,
            ..Spec::default()
        };
        let text = report_text(&spec);
        assert!(
            text.contains("\n深圳市龙岗区政务服务和数据管理局2023年工作总结和2024年工作计划\n")
        );
        assert!(text.contains("一、2023年工作总结"));
        assert!(text.contains("二、2024年工作计划"));
        assert!(text.contains("一是") && text.contains("三是"));
        assert!(text.contains('。') && text.contains('“'));
        assert!(text.chars().any(|c| c.is_ascii_digit()));
    }

    #[test]
    fn imports_with_the_shape_it_was_written_with() {
        for seed in 0..40usize {
            for style in [ItemStyle::RunIn, ItemStyle::Numbered, ItemStyle::Mixed] {
                let spec = Spec {
                    seed: seed as u64,
                    style,
                    furniture: seed % 2 == 0,
                    uneven: seed % 3 == 0,
                    items_per_section: seed % 5,
                    sections: 1 + seed % 6,
                    district: DISTRICTS[seed % DISTRICTS.len()].to_string(),
                    bureau: BUREAUS[seed % BUREAUS.len()].to_string(),
                    ..Spec::default()
                };
                let generated = generate(&spec);
                let report = import_text(&generated.text).unwrap();
                check_lossless(&generated.text, &report).unwrap();
                assert_eq!(shape_of(&report), generated.shape, "{spec:?}");
                assert_eq!(report.district.as_deref(), Some(spec.district.as_str()));
                assert_eq!(report.bureau.as_deref(), Some(spec.bureau.as_str()));
                assert_eq!(report.parts[0].year, Some(spec.summary_year));
                assert_eq!(report.parts[1].year, Some(spec.summary_year + 1));
                assert!(report.nodes().all(|(_, n)| n.flags.is_empty()), "{spec:?}");
            }
        }
    }

    #[test]
    fn expected_shape_counts_sections_and_items() {
        let spec = Spec {
            sections: 4,
            items_per_section: 2,
            ..Spec::default()
        };
        assert_eq!(
            expected_shape(&spec),
            vec![
                (PartKind::Summary, vec![2; 4]),
                (PartKind::Plan, vec![2; 4])
            ]
        );
        let uneven = Spec {
            uneven: true,
            items_per_section: 5,
            ..spec
        };
        for (_, counts) in expected_shape(&uneven) {
            assert!(counts.iter().all(|n| (3..=5).contains(n)), "{counts:?}");
        }
    }

    #[test]
    fn target_bytes_is_reached() {
        for style in [ItemStyle::RunIn, ItemStyle::Numbered] {
            let spec = Spec {
                target_bytes: Some(200_000),
                style,
                ..Spec::default()
            };
            let generated = generate(&spec);
            assert!(generated.text.len() >= 200_000);
            assert!(generated.text.len() < 250_000, "{}", generated.text.len());
            let report = import_text(&generated.text).unwrap();
            assert_eq!(shape_of(&report), generated.shape);
        }
    }

    #[test]
    fn glued_head_after_a_breadcrumb_imports_with_its_title() {
        let mut checked = 0;
        for seed in 0..20 {
            let spec = Spec {
                seed,
                glued_head: true,
                lost_line_breaks: seed % 2 == 0,
                ..Spec::default()
            };
            let generated = generate(&spec);
            let Some(first) = generated.text.lines().next() else {
                continue;
            };
            if !first.starts_with("当前位置") {
                continue;
            }
            assert!(first.contains("工作计划 发布日期："), "{first}");
            let report = import_text(&generated.text).unwrap();
            check_lossless(&generated.text, &report).unwrap();
            assert!(report.title.starts_with("深圳市光明区"));
            assert!(report.preamble.starts_with("2024年"));
            assert_eq!(shape_of(&report), generated.shape);
            checked += 1;
        }
        assert!(checked > 3);
    }

    #[test]
    fn crlf_and_furniture() {
        let spec = Spec {
            crlf: true,
            ..Spec::default()
        };
        let text = report_text(&spec);
        assert!(text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'));
        let report = import_text(&text).unwrap();
        assert!(!report.dropped.is_empty());
        assert!(report.title.ends_with("年工作计划"));
        assert_eq!(report.published.as_deref().map(|d| &d[..4]), Some("2025"));
    }
}
