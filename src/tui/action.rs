//! Everything a user can ask for (`Action`) and THE keymap table: the one place keys get their
//! meaning, which also feeds the footer hints and the help overlay, so they cannot drift. No
//! state, no drawing, no files.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The only input to `App::update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Leave the current view or overlay (back to the picker from the reader).
    Back,
    Up,
    Down,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    /// Fold the selected tree node, or go to its parent.
    Fold,
    /// Unfold the selected tree node.
    Unfold,
    /// Open the selected report or section.
    Open,
    FocusNext,
    StartSearch,
    NextHit,
    PreviousHit,
    SetBookmark,
    ShowBookmarks,
    ToggleHelp,
    ToggleTheme,
    /// Compare the current part with a part of another report.
    OpenCompare,
    /// Audit the open report's plan against a summary.
    OpenAudit,
    /// Audit view: next filter; choose a verdict; edit the note.
    CycleFilter,
    SetVerdict,
    EditNote,
    /// Enter in a text field that saves (the verdict note).
    Confirm,
    /// Jump to the next / previous pair with differences.
    NextChange,
    PreviousChange,
    /// Write the view's hand-off file: the audit's workbook, the comparison's redline.
    Handoff,
    /// The evidence view: the next / previous item of the table.
    NextItem,
    PreviousItem,
    /// The picker: mark or unmark the selected report (for the matrix and the recurring items);
    /// the matrix: mark or unmark the selected column (two are compared).
    Mark,
    /// The topics × reports matrix of the marked reports (all when none is marked).
    OpenMatrix,
    /// The plan items of the marked reports that come back year after year (all when none is).
    OpenRecur,
    /// A grid (matrix, recurring items): one column left / right.
    ColumnLeft,
    ColumnRight,
    /// The evidence view: select the next / previous evidence sentence; reject (or restore, or
    /// remove) the selected one; search the summary for a sentence to attach.
    NextEvidence,
    PreviousEvidence,
    RejectEvidence,
    AttachEvidence,
    /// A character typed into the search field.
    Type(char),
    DeleteBack,
    /// Mouse wheel over (column, row).
    ScrollUpAt(u16, u16),
    ScrollDownAt(u16, u16),
    ClickAt(u16, u16),
    Resize(u16, u16),
}

/// Where a binding applies; the app asks for the bindings of its current context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Picker,
    Reader,
    /// Typing a search query.
    SearchInput,
    /// The side-by-side comparison.
    Compare,
    /// The audit table.
    Audit,
    /// One audit item beside its evidence.
    Evidence,
    /// Typing an auditor's note.
    NoteInput,
    /// The topics × reports matrix.
    Matrix,
    /// Searching the summary for a sentence to attach as evidence.
    AttachInput,
    /// The recurring plan items.
    Recur,
    /// The help overlay or the bookmark list is open.
    Overlay,
    /// The hits of a search across every loaded report.
    Results,
    /// Asked whether to replace a file.
    Confirm,
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One row of the keymap: the keys, what they do, where, and how the footer/help name it.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub contexts: &'static [Context],
    /// Shown in the help overlay.
    pub help: &'static str,
    /// Shown in the footer when set (keep it short).
    pub hint: Option<Hint>,
}

/// A footer hint: its text, and its rank when the footer is short of room: hints are dropped
/// from the highest rank down, so rank 0 (`? 帮助`, the Enter of a text field) always shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub text: &'static str,
    pub rank: u8,
}

const fn hint(text: &'static str, rank: u8) -> Option<Hint> {
    Some(Hint { text, rank })
}

use Context::{
    AttachInput, Audit, Compare, Confirm, Evidence, Matrix, NoteInput, Overlay, Picker, Reader,
    Recur, Results, SearchInput,
};

const BROWSE: &[Context] = &[
    Picker, Reader, Compare, Audit, Evidence, Results, Matrix, Recur,
];
const ANY_VIEW: &[Context] = &[
    Picker, Reader, Compare, Audit, Evidence, Overlay, Results, Matrix, Recur,
];
const EVERYWHERE: &[Context] = &[
    Picker,
    Reader,
    Compare,
    Audit,
    Evidence,
    Matrix,
    Recur,
    Overlay,
    SearchInput,
    NoteInput,
    AttachInput,
    Results,
    Confirm,
];
/// The grids: the matrix, the recurring items (a column is a report, a year).
const GRIDS: &[Context] = &[Matrix, Recur];

/// THE keymap. Order matters only for display.
pub const KEYMAP: &[Binding] = &[
    Binding {
        keys: &[key('j'), code(KeyCode::Down)],
        action: Action::Down,
        contexts: ANY_VIEW,
        help: "下移",
        hint: hint("j/k 移动", 6),
    },
    Binding {
        keys: &[key('k'), code(KeyCode::Up)],
        action: Action::Up,
        contexts: ANY_VIEW,
        help: "上移",
        hint: None,
    },
    Binding {
        keys: &[key('h'), code(KeyCode::Left)],
        action: Action::Fold,
        contexts: &[Reader],
        help: "折叠本节(已折叠时回到上级)",
        hint: hint("h/l 折叠", 7),
    },
    Binding {
        keys: &[key('l'), code(KeyCode::Right)],
        action: Action::Unfold,
        contexts: &[Reader],
        help: "展开本节",
        hint: None,
    },
    Binding {
        keys: &[key('h'), code(KeyCode::Left)],
        action: Action::ColumnLeft,
        contexts: GRIDS,
        help: "左移一列",
        hint: hint("h/l 列", 5),
    },
    Binding {
        keys: &[key('l'), code(KeyCode::Right)],
        action: Action::ColumnRight,
        contexts: GRIDS,
        help: "右移一列",
        hint: None,
    },
    Binding {
        keys: &[key('g'), code(KeyCode::Home)],
        action: Action::Top,
        contexts: BROWSE,
        help: "到开头",
        hint: None,
    },
    Binding {
        keys: &[key('G'), code(KeyCode::End)],
        action: Action::Bottom,
        contexts: BROWSE,
        help: "到末尾",
        hint: None,
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        contexts: BROWSE,
        help: "下翻半页",
        hint: None,
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        contexts: BROWSE,
        help: "上翻半页",
        hint: None,
    },
    Binding {
        keys: &[key(' ')],
        action: Action::Mark,
        contexts: &[Picker],
        help: "选中 / 取消选中报告(供主题矩阵和反复出现的条目)",
        hint: hint("Space 选中", 4),
    },
    Binding {
        keys: &[key(' ')],
        action: Action::Mark,
        contexts: &[Matrix],
        help: "选中 / 取消选中本列的报告(选中两列后 d 比较本行)",
        hint: hint("Space 选列", 4),
    },
    Binding {
        keys: &[code(KeyCode::PageDown), key(' ')],
        action: Action::PageDown,
        contexts: &[Reader, Compare, Audit, Evidence, Results, Recur],
        help: "下翻一页",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::PageDown)],
        action: Action::PageDown,
        contexts: &[Picker, Matrix],
        help: "下翻一页",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::PageUp)],
        action: Action::PageUp,
        contexts: BROWSE,
        help: "上翻一页",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        contexts: &[Picker, Reader, Audit, Evidence, Overlay],
        help: "打开报告 / 阅读本节 / 跳到书签 / 条目证据",
        hint: hint("Enter 打开", 3),
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        contexts: &[Results],
        help: "在报告中阅读这一处(n/N 接着找)",
        hint: hint("Enter 打开", 3),
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Open,
        contexts: GRIDS,
        help: "在阅读视图中打开所选条目(矩阵的单元格, 线索的这一年)",
        hint: hint("Enter 阅读", 3),
    },
    Binding {
        keys: &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        action: Action::FocusNext,
        contexts: &[Reader],
        help: "在目录与正文之间切换",
        hint: hint("Tab 切换", 5),
    },
    Binding {
        keys: &[key('/')],
        action: Action::StartSearch,
        contexts: &[Reader, Compare],
        help: "全文搜索(简体也能找到繁体)",
        hint: hint("/ 搜索", 2),
    },
    Binding {
        keys: &[key('/')],
        action: Action::StartSearch,
        contexts: &[Matrix],
        help: "筛选主题: 只留名称或条目含该词的主题(Esc 清除)",
        hint: hint("/ 筛选", 2),
    },
    Binding {
        keys: &[key('/')],
        action: Action::StartSearch,
        contexts: &[Picker, Results],
        help: "搜索全部报告(简体也能找到繁体)",
        hint: hint("/ 搜索全部", 2),
    },
    Binding {
        keys: &[key('n')],
        action: Action::NextHit,
        contexts: &[Reader, Compare],
        help: "下一处",
        hint: hint("n/N 上下处", 4),
    },
    Binding {
        keys: &[key('N')],
        action: Action::PreviousHit,
        contexts: &[Reader, Compare],
        help: "上一处",
        hint: None,
    },
    Binding {
        keys: &[key('m')],
        action: Action::SetBookmark,
        contexts: &[Reader],
        help: "给正在读的一节加书签(再按一次删除)",
        hint: hint("m 书签", 5),
    },
    Binding {
        keys: &[key('\'')],
        action: Action::ShowBookmarks,
        contexts: &[Reader],
        help: "书签列表",
        hint: hint("' 书签列表", 6),
    },
    Binding {
        keys: &[key('d')],
        action: Action::OpenCompare,
        contexts: &[Reader],
        help: "与另一份报告并排比较(按内容配对)",
        hint: hint("d 比较", 1),
    },
    Binding {
        keys: &[key('d')],
        action: Action::OpenCompare,
        contexts: &[Matrix],
        help: "并排比较选中两列在本行(本主题)的条目",
        hint: hint("d 比较", 3),
    },
    Binding {
        keys: &[key('a')],
        action: Action::OpenAudit,
        contexts: &[Reader],
        help: "审计: 本报告的计划对照下一年的总结",
        hint: hint("a 审计", 1),
    },
    Binding {
        keys: &[key('M')],
        action: Action::OpenMatrix,
        contexts: &[Picker],
        help: "主题矩阵: 选中的报告(未选时全部)按主题对照",
        hint: hint("M 矩阵", 2),
    },
    Binding {
        keys: &[key('R')],
        action: Action::OpenRecur,
        contexts: &[Picker],
        help: "反复出现的计划条目: 选中的报告(未选时全部)中逐年重复的承诺及各年总结所述",
        hint: hint("R 反复", 3),
    },
    Binding {
        keys: &[key('f')],
        action: Action::CycleFilter,
        contexts: &[Audit],
        help: "筛选: 全部 / 仅未提及 / 仅目标未达 / 仅未下结论",
        hint: hint("f 筛选", 2),
    },
    Binding {
        keys: &[key('v')],
        action: Action::SetVerdict,
        contexts: &[Audit, Evidence],
        help: "给条目下结论(已落实 / 部分落实 / 未落实 / 待核实)",
        hint: hint("v 结论", 2),
    },
    Binding {
        keys: &[key('e')],
        action: Action::EditNote,
        contexts: &[Audit, Evidence],
        help: "编辑条目的审计备注",
        hint: hint("e 备注", 3),
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Confirm,
        contexts: &[NoteInput],
        help: "保存备注",
        hint: hint("Enter 保存", 0),
    },
    Binding {
        keys: &[key(']')],
        action: Action::NextChange,
        contexts: &[Compare],
        help: "下一对有差异的条目",
        hint: hint("]/[ 差异", 1),
    },
    Binding {
        keys: &[key('[')],
        action: Action::PreviousChange,
        contexts: &[Compare],
        help: "上一对有差异的条目",
        hint: None,
    },
    Binding {
        keys: &[key('n'), key(']')],
        action: Action::NextItem,
        contexts: &[Evidence],
        help: "下一条目的证据",
        hint: hint("n/p 上下条", 1),
    },
    Binding {
        keys: &[key('p'), key('[')],
        action: Action::PreviousItem,
        contexts: &[Evidence],
        help: "上一条目的证据",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Tab)],
        action: Action::NextEvidence,
        contexts: &[Evidence],
        help: "选择下一句证据(r 作用于所选的一句; 也可点选)",
        hint: hint("Tab 选句", 4),
    },
    Binding {
        keys: &[code(KeyCode::BackTab)],
        action: Action::PreviousEvidence,
        contexts: &[Evidence],
        help: "选择上一句证据",
        hint: None,
    },
    Binding {
        keys: &[key('r')],
        action: Action::RejectEvidence,
        contexts: &[Evidence],
        help: "剔除所选证据句(再按一次恢复; 审计添加的句子则移除); 状态不重算",
        hint: hint("r 剔除", 3),
    },
    Binding {
        keys: &[key('+')],
        action: Action::AttachEvidence,
        contexts: &[Evidence],
        help: "添加总结中的另一句为证据(输入词语搜索, 数据 也找到 數據)",
        hint: hint("+ 添加", 2),
    },
    Binding {
        keys: &[code(KeyCode::Down)],
        action: Action::Down,
        contexts: &[AttachInput],
        help: "添加证据时: 下一句",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Up)],
        action: Action::Up,
        contexts: &[AttachInput],
        help: "添加证据时: 上一句",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Confirm,
        contexts: &[AttachInput],
        help: "添加证据时: 添加所选的一句",
        hint: hint("Enter 添加", 0),
    },
    Binding {
        keys: &[key('x')],
        action: Action::Handoff,
        contexts: &[Audit, Evidence, Compare],
        help: "导出交接文件: 审计为 Excel 工作簿, 比较为网页对照稿 (写在报告旁, 内置报告写入数据文件夹)",
        hint: hint("x 导出", 4),
    },
    Binding {
        keys: &[key('y')],
        action: Action::Confirm,
        contexts: &[Confirm],
        help: "替换已有的文件",
        hint: hint("y 替换", 0),
    },
    Binding {
        keys: &[key('n'), key('q'), code(KeyCode::Esc)],
        action: Action::Back,
        contexts: &[Confirm],
        help: "不替换, 已有的文件保持不变",
        hint: hint("n 取消", 0),
    },
    Binding {
        keys: &[key('t')],
        action: Action::ToggleTheme,
        contexts: BROWSE,
        help: "切换浅色 / 深色主题",
        hint: None,
    },
    Binding {
        keys: &[key('?')],
        action: Action::ToggleHelp,
        contexts: ANY_VIEW,
        help: "显示 / 关闭帮助",
        hint: hint("? 帮助", 0),
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        contexts: &[Reader, Compare, Matrix, SearchInput],
        help: "返回上一层(有搜索或筛选时先清除)",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Esc)],
        action: Action::Back,
        contexts: &[
            Picker,
            Audit,
            Evidence,
            Overlay,
            NoteInput,
            AttachInput,
            Results,
            Recur,
        ],
        help: "关闭 / 返回上一层",
        hint: None,
    },
    Binding {
        keys: &[key('q')],
        action: Action::Back,
        contexts: &[
            Reader, Compare, Audit, Evidence, Overlay, Results, Matrix, Recur,
        ],
        help: "返回上一层",
        hint: hint("q 返回", 1),
    },
    Binding {
        keys: &[key('q')],
        action: Action::Quit,
        contexts: &[Picker],
        help: "退出",
        hint: hint("q 退出", 1),
    },
    Binding {
        keys: &[ctrl('c')],
        action: Action::Quit,
        contexts: EVERYWHERE,
        help: "随时退出",
        hint: None,
    },
    Binding {
        keys: &[code(KeyCode::Enter)],
        action: Action::Back,
        contexts: &[SearchInput],
        help: "保留搜索结果, 结束输入",
        hint: hint("Enter 完成", 0),
    },
    Binding {
        keys: &[code(KeyCode::Backspace)],
        action: Action::DeleteBack,
        contexts: &[SearchInput, NoteInput, AttachInput],
        help: "删除一个字",
        hint: None,
    },
];

impl Key {
    fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        // Shift+letter arrives as the upper-case letter, so SHIFT itself is not compared
        self.code == event.code && self.ctrl == ctrl
    }

    /// How the help overlay writes the key.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

/// What a key means in a context. In the search field any other printable key is typed.
pub fn action_for(event: &KeyEvent, context: Context) -> Option<Action> {
    let bound = KEYMAP
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| b.keys.iter().any(|k| k.matches(event)))
        .map(|b| b.action.clone());
    if bound.is_some() {
        return bound;
    }
    match (context, event.code) {
        (SearchInput | NoteInput | AttachInput, KeyCode::Char(c))
            if !event.modifiers.contains(KeyModifiers::CONTROL) =>
        {
            Some(Action::Type(c))
        }
        _ => None,
    }
}

/// The bindings of a context, in table order (for the help overlay).
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.contexts.contains(&context))
}

/// The help's rows for a view: (keys, what they do), with the keys of its text fields (search in
/// the reader, the note in the audit, the search for a sentence to attach in the evidence view),
/// each binding once.
pub fn help_rows(view: Context) -> Vec<(String, &'static str)> {
    let typing: &[Context] = match view {
        Reader | Compare | Results | Matrix => &[SearchInput],
        Audit => &[NoteInput],
        Evidence => &[NoteInput, AttachInput],
        _ => &[],
    };
    let mut rows: Vec<(String, &'static str)> = Vec::new();
    for binding in bindings(view).chain(typing.iter().flat_map(|&c| bindings(c))) {
        let keys = binding
            .keys
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join(" ");
        if !rows.iter().any(|(k, h)| *k == keys && *h == binding.help) {
            rows.push((keys, binding.help));
        }
    }
    rows
}

/// The footer's key hints for a context, from the same table, in table order.
pub fn hints(context: Context) -> Vec<Hint> {
    bindings(context).filter_map(|b| b.hint).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn vim_keys_and_arrows_mean_the_same() {
        for context in [Picker, Reader] {
            let j = action_for(&press(KeyCode::Char('j'), KeyModifiers::NONE), context);
            let down = action_for(&press(KeyCode::Down, KeyModifiers::NONE), context);
            assert_eq!(j, Some(Action::Down));
            assert_eq!(j, down);
        }
    }

    #[test]
    fn q_leaves_the_reader_and_quits_the_picker() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(&q, Reader), Some(Action::Back));
        assert_eq!(action_for(&q, Picker), Some(Action::Quit));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&ctrl_c, SearchInput), Some(Action::Quit));
    }

    #[test]
    fn typing_in_the_search_field_types_even_bound_letters() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(action_for(&j, SearchInput), Some(Action::Type('j')));
        let n = press(KeyCode::Char('数'), KeyModifiers::NONE);
        assert_eq!(action_for(&n, SearchInput), Some(Action::Type('数')));
    }

    #[test]
    fn shifted_letters_and_ctrl_are_distinct() {
        let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(&big_g, Reader), Some(Action::Bottom));
        let ctrl_d = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&ctrl_d, Reader), Some(Action::HalfPageDown));
        let d = press(KeyCode::Char('d'), KeyModifiers::NONE);
        assert_eq!(action_for(&d, Reader), Some(Action::OpenCompare));
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(action_for(&x, Reader), None);
        assert_eq!(action_for(&x, Audit), Some(Action::Handoff));
    }

    #[test]
    fn every_context_has_hints_and_every_binding_has_help() {
        for context in [Picker, Reader, SearchInput] {
            assert!(!hints(context).is_empty(), "{context:?}");
        }
        // every view keeps its way to the help however narrow the footer
        for context in [Picker, Reader, Compare, Audit] {
            assert!(
                hints(context)
                    .iter()
                    .any(|h| h.text == "? 帮助" && h.rank == 0),
                "{context:?}"
            );
        }
        assert!(
            KEYMAP
                .iter()
                .all(|b| !b.help.is_empty() && !b.keys.is_empty())
        );
    }
}
