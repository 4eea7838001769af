"""Sample 1's 部门整体支出绩效自评 (局本级): the seed's 表2–表5 as the office typed them — every
indicator, weight, 评分说明 (formula texts on one line), typed score and 得分率, the office's
小计/合计/总计 and grade 优 — and the 绩效评价基础数据 it typed beside them (contract10.md).

The office's irregularities stay as they are (the checks are to find them): 结转结余率 stated
5.47% and scored 1.9 (4.42 ÷ 808.18 is 0.55%, full marks), 投入 得分率 93.7% under its own 32.7
of 35 (93.43%), 服务陶瓷平台搭建 「完全达成」 scored 2.1 of 3.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP

from ..money import D, check, wan
from ..writers.performance import Indicator as I
from ..writers.performance import Level1, Level2, Typed
from .facts import BUREAU, YEAR

FILE = "绩效自评.xlsx"
SHEET = "绩效指标"
BASIS_SHEET = "绩效基础数据"
TITLE = f"{BUREAU}{YEAR}年度部门整体支出绩效自评指标表"
FULL = "完全达成"

# 绩效评价基础数据 (元; people), as the office typed them (sheet labels use common aliases).
CARRIED_BUDGET = D("2190000.00")        # 批复的上年结转结余 → 219.00
PROCUREMENT_BUDGET = D("70093.51")      # = 局本级 31002 办公设备购置, all of it 政府采购
PROCUREMENT_ACTUAL = D("70093.51")
AUTHORISED, SERVING = 21, 18
BASIS_ROWS = [("批复的上年结转结余", "元", CARRIED_BUDGET), ("政府采购预算数", "元", PROCUREMENT_BUDGET),
              ("实际政府采购金额", "元", PROCUREMENT_ACTUAL), ("编制数", "人", AUTHORISED),
              ("在职人员数", "人", SERVING)]
BASIS_NAMES = {"基础信息_绩效_上年结转结余预算数": CARRIED_BUDGET,
               "基础信息_绩效_政府采购预算数": PROCUREMENT_BUDGET,
               "基础信息_绩效_政府采购实际金额": PROCUREMENT_ACTUAL,
               "基础信息_绩效_编制数": AUTHORISED, "基础信息_绩效_在职人员数": SERVING}


def _full(name: str, weight: str, actual: str = "") -> I:
    return I(name, D(weight), D(weight), "100%", FULL, actual)


INPUT = Level1("投入", (
    Level2("预算编审管理", (
        I("预算编制完整性", D(2), D(2), "100%",
          "①部门预算收入中，除公共预算拨款外，政府性基金拨款、事业收入、事业部门经营收入、其他收入、"
          "上年结转等收入数据是否完整；②收入来源编报是否齐全或编报数据是否有错误。"),
        I("预算编制准确性", D(2), D("1.4"), "70%",
          "①部门预算编列预算科目是否准确；②专项业务费细化、分类填报是否准确；③编列科目、专项业务费"
          "细化和分类填报是否出错", note="填报时专项业务费细化不具体"),
        I("绩效目标管理", D(3), D(2), "66.7%",
          "①部门预算中专项业务经费项目绩效目标编制是否完整合理；②部门整体绩效目标编制是否完整合理；"
          "③专项资金绩效目标编制完整合理、明确量化；④覆盖率是否达到年度要求。",
          note="无专项业务经费项目绩效目标编制以及量化")),
        Typed("小计", D(7), D("5.4"), "77.1%")),
    Level2("预算执行管理", (
        I("预算完成率", D(2), D(2), "100%",
          "预算完成率=（预算完成数/预算数）×100%；得分=（预算完成率-85%）÷（95%-85%）×分值",
          "128.73%"),
        I("支付进度率", D(2), D(2), "100%",
          "支付进度率=（实际支付进度/既定支付进度）×100%；得分=实际支出进度÷序时支出进度×分值",
          "100%"),
        I("公用经费控制率", D(2), D(2), "100%",
          "公用经费控制率=（实际支出公用经费总额/预算安排公用经费总额）×100%", "30.57%"),
        I("“三公经费”控制率", D(2), D(2), "100%",
          "“三公经费”控制率=（“三公经费”实际支出数/“三公经费”预算安排数）×100%", "44.27%")),
        Typed("小计", D(8), D(8), "100%")),
    Level2("部门结转结余资金管理", (
        I("结转结余率", D(2), D("1.9"), "95%",
          "结转结余率=结转结余总额/支出预算数×100%；得分=（15%－结转结余率）÷（15%-5%）×分值",
          "5.47%", note="结转结余率大于5%小于15%，依据公式得分为1.9分"),),
        Typed("小计", D(2), D("1.9"), "95%")),
    Level2("预决算信息公开管理", (
        I("预决算信息公开性", D(1), D(1), "100%",
          "①是否按规定内容公开预决算信息；②是否按规定时限公开预决算信息。"),
        I("基础信息完善性", D(2), D(2), "100%",
          "①基础数据信息和会计信息资料是否真实；②基础数据信息和会计信息资料是否完整；"
          "③基础数据信息和会计信息资料是否准确。")),
        Typed("小计", D(3), D(3), "100%")),
    Level2("部门预算管理", (
        I("在职人员控制率", D(2), D(2), "100%", "在职人员控制率=（在职人员数/编制数）×100%",
          "85.71%"),
        I("管理制度健全性", D(2), D(2), "100%",
          "①是否已制定或具有预算资金管理办法、内部财务管理制度、会计核算制度等管理制度；②相关管理"
          "制度是否合法、合规、完整；③相关管理制度是否得到有效执行。"),
        I("支出规范性及巡视、审计、绩效评价结果等", D(3), D(3), "100%",
          "①部门预算管理及财务会计核算是否合法、合规；②巡视、审计、财政监督检查中是否发现问题；"
          "③财政重点评价项目绩效实现情况。"),
        # the seed prints 政府采购管理 beside it, yet counts six 二级 and one subtotal of 9
        I("政府采购执行率", D(2), D(2), "100%",
          "政府采购执行率=（实际政府采购金额/政府采购预算数）×100%；得分=（政府采购执行率-80%）÷"
          "（95%-80%）×分值", "100%")),
        Typed("小计", D(9), D(9), "100%")),
    Level2("资产管理", (
        I("管理制度健全性", D(2), D("1.4"), "70%",
          "①是否已制定或具有资产管理制度；②相关资金管理制度是否合法、合规、完整；③相关资产管理"
          "制度是否得到有效执行。", note="制定资产管理制度，基本符合专业标准"),
        I("资产管理安全性", D(2), D(2), "100%",
          "①资产保存是否完整；②资产配置是否合理；③资产处置是否规范；④资产账务管理是否合规，"
          "是否帐实相符；⑤资产是否有偿使用及处置收入及时足额上缴。"),
        I("固定资产利用率", D(2), D(2), "100%",
          "固定资产利用率=（实际在用固定资产总额/所有固定资产总额）×100%；得分=（固定资产利用率-"
          "85%）÷（95%-85%）×分值")),
        Typed("合计", D(6), D("5.4"), "90%")),
), Typed("总计", D(35), D("32.7"), "93.7%"))

OUTPUT = Level1("产出", (
    Level2("数量指标", (
        _full("陶瓷工业总产值", "2", "395.2亿元"), _full("陶瓷规上企业总数", "2", "117家"),
        _full("陶瓷快递销量", "2", "5404.19万件"), _full("组织开展陶瓷原料调研数量", "2", "7家"),
        _full("召开产业发展专家组会议", "2", "21次"),
        _full("开展陶瓷职业技能提升培训场次", "2", "6场"),
        _full("发放惠企政策宣传册", "2", "300余册"),
        _full("流理可转化科研成果或提供技术服务数量", "2", "59项"),
        _full("组织参加北京国际精品陶瓷展企业数", "2", "49家"),
        _full("陶瓷招商投资金额", "2", "超过7亿元"))),
    Level2("质量指标", (
        _full("陶瓷工业总产值同比增长率", "2", "1.83%"), _full("陶瓷规上企业同比增长率", "3", "13.59%"),
        _full("陶瓷快递销量同比增长率", "3", "25.53%"),
        _full("产业发展调研成效", "3", "调研报告获省委书记批示"),
        _full("陶瓷科研成果转化助推率", "3", "与邑山陶瓷工业综合体建立合作沟通机制"),
        _full("景德镇商标维权打假实施率", "3", "公证留存证据1044家，立案602家，结案36家"))),
    Level2("时效指标", (
        _full("陶瓷产业发展规划2035完成及时率", "3", "10月中旬完成规划文本编制"),)),
), Typed("总计", D(40), D(40), "100%"))

_MORE = "效果较好，但还需较大力度"
EFFECT = Level1("效果", (
    Level2("社会效益指标", (
        I("服务陶瓷人才精准引进", D(3), D("2.1"), "70%", "基本达成", "对接高端人才2名", note=_MORE),
        I("推动陶瓷企业开拓新市场", D(3), D("2.1"), "70%", "基本达成",
          "组织49家企业参加北京国际精品陶瓷展", note=_MORE),
        I("推动陶瓷企业安全生产", D(4), D(4), "100%", "达成", "燃气梭式窑连续15年安全生产零死亡"),
        I("建立挂点帮扶制度", D(4), D("2.8"), "70%", "基本达成", "对口服务陶瓷企业120家",
          note=_MORE))),
    Level2("可持续发展", (
        I("服务陶瓷平台搭建", D(3), D("2.1"), "70%", FULL, "倡议成立陶瓷女企业家协会",
          note="需要较大力度"),
        I("推进陶瓷知识产权保护工作", D(3), D("2.1"), "70%", "基本达成",
          "制定地理标志产品试点工作方案", note="需加大力度"))),
), Typed("总计", D(20), D("15.2"), "76%"))

SATISFACTION = Level1("满意度", (
    Level2("满意度指标", (
        I("市民满意率", D(5), D(5), "100%", "≥90%", "92.2%", "≥90%"),)),
), Typed("合计", D(5), D(5), "100%"))

TREE = (INPUT, OUTPUT, EFFECT, SATISFACTION)
TOTAL = Typed("总计", D(100), D("92.9"), "92.9%")
GRADE = "优"


def check_performance(fig: dict) -> dict:
    """The office's typed tree adds up as the seed prints it (weights 35/40/20/5, every typed
    score sum), the basis agrees with the books, and the contract's rates follow from the
    design (ROUND of the 万元 figures, 4 places). Returns those rates (fractions, as text)."""
    for block in TREE:
        indicators = [i for g in block.groups for i in g.indicators]
        for group in block.groups:
            if group.subtotal is not None:
                check(group.subtotal.weight == sum(i.weight for i in group.indicators)
                      and group.subtotal.score == sum(i.score for i in group.indicators),
                      f"typed 小计 of {group.name}")
        check(block.total.weight == sum(i.weight for i in indicators)
              and block.total.score == sum(i.score for i in indicators), f"typed {block.name}")
    check([b.total.weight for b in TREE] == [35, 40, 20, 5], "weights 35/40/20/5")
    check([sum(len(g.indicators) for g in b.groups) for b in TREE] == [17, 17, 6, 1], "counts")
    check(TOTAL.weight == 100 and TOTAL.score == sum(b.total.score for b in TREE), "总计")
    check(PROCUREMENT_BUDGET == fig["局本级 310"], "政府采购 = 局本级 办公设备购置")
    budget = wan(fig["预算局本级基本支出"]) + wan(CARRIED_BUDGET)
    check(budget == D("808.18"), f"预算数 {budget}")

    def rate(numerator: D, denominator: D) -> D:
        return (numerator / denominator).quantize(D("0.0001"), rounding=ROUND_HALF_UP)

    done = rate(wan(fig["局本级 支出合计"]), budget)
    rates = {"预算数": budget, "预算完成率": done,
             "结转结余率": rate(wan(fig["局本级 年末结转和结余"]), budget),
             "公用经费控制率": rate(wan(fig["局本级 基本支出302+310"]),
                              wan(fig["预算局本级基本支出302+310"])),
             "三公经费控制率": rate(wan(fig["局本级 公务接待费"]), wan(fig["预算局本级公务接待费"])),
             "在职人员控制率": rate(D(SERVING), D(AUTHORISED)),
             "政府采购执行率": rate(PROCUREMENT_ACTUAL, PROCUREMENT_BUDGET),
             "支付进度率": done}       # 序时进度 at December is 100%
    contract = {"预算完成率": "1.2873", "结转结余率": "0.0055", "公用经费控制率": "0.3058",
                "三公经费控制率": "0.4427", "在职人员控制率": "0.8571", "政府采购执行率": "1.0000",
                "支付进度率": "1.2873"}
    for measure, value in contract.items():
        check(rates[measure] == D(value), f"{measure}: {rates[measure]} ≠ {value}")
    return rates
