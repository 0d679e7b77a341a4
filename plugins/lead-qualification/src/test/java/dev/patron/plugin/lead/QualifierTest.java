package dev.patron.plugin.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patron.api.PluginSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualifierTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");
    static final ZoneId UTC = ZoneOffset.UTC;
    static final Currency CNY = Currency.getInstance("CNY");

    static Qualifier rule(Map<String, String> settings) {
        return new Qualifier(LeadSettings.read(PluginSettings.of(settings)), CNY);
    }

    static Qualification qualify(Map<String, String> settings, Map<String, String> attributes) {
        return rule(settings).qualify(attributes, AS_OF, UTC, null);
    }

    static Qualification qualify(Map<String, String> attributes) {
        return qualify(Map.of(), attributes);
    }

    static Verdict verdict(Qualification q, Criterion criterion) {
        return q.verdicts().stream().filter(v -> v.criterion() == criterion).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "M={0} A={1} N={2} -> {3} {4} {5}")
    @CsvSource({
        "true,  true,  true,  qualified,  M+A+N, 100",
        "true,  true,  false, potential,  M+A,   80",
        "false, true,  true,  potential,  A+N,   70",
        "true,  false, true,  potential,  M+N,   60",
        "true,  false, false, lead,       M,     40",
        "false, true,  false, lead,       A,     30",
        "false, false, true,  lead,       N,     20",
        "false, false, false, not_target, none,  0",
    })
    void everyCombinationOfMoneyAuthorityAndNeed(boolean money, boolean authority, boolean need, String leadClass,
                                                 String combination, int priority) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put("budget", money ? "50000.00" : "5000.00");
        attributes.put("role", authority ? "owner" : "engineer");
        if (need) {
            attributes.put("need", "bulk tea for 12 stores");
        }
        Qualification q = qualify(attributes);

        assertThat(q.leadClass().code()).isEqualTo(leadClass);
        assertThat(q.combination()).isEqualTo(combination);
        assertThat(q.priority()).isEqualTo(priority);
        assertThat(verdict(q, Criterion.MONEY).met()).isEqualTo(money);
        assertThat(verdict(q, Criterion.AUTHORITY).met()).isEqualTo(authority);
        assertThat(verdict(q, Criterion.NEED).met()).isEqualTo(need);
        assertThat(q.scores()).extracting(s -> s.name())
                .containsExactly("class", "combination", "priority", "money", "authority", "need");
        assertThat(q.scores().get(3).label()).isEqualTo(money ? "✓" : "✗");
        assertThat(q.scores().get(3).value()).isEqualTo(money ? 1.0 : 0.0);
    }

    @Test
    void explainsEachCriterionWithItsEvidence() {
        Qualification q = qualify(Map.of("budget", "50000.00", "role", "engineer", "inquiredAt", "2026-06-27"));

        assertThat(verdict(q, Criterion.MONEY).explanation()).isEqualTo("Money ✓ budget 50,000.00 ≥ 20,000.00");
        assertThat(verdict(q, Criterion.AUTHORITY).explanation())
                .isEqualTo("Authority ✗ role 'engineer' not in [owner, director, purchasing manager]; decisionMaker not given");
        assertThat(verdict(q, Criterion.NEED).explanation())
                .isEqualTo("Need ✓ inquired 3 days ago, on 2026-06-27 (within 30 days)");
        assertThat(q.combinationExplanation())
                .isEqualTo("M+N: Money ✓, Authority ✗, Need ✓ — next: find the person who decides");
        assertThat(q.classExplanation()).isEqualTo("Potential (2 of 3 met: M+N): medium priority: nurture and develop");
        assertThat(q.priorityExplanation()).isEqualTo("60: potential M+N, after A+N (70), before M (40) in the MAN order");
    }

    @Test
    void explainsMissingAndMalformedValues() {
        Qualification q = qualify(Map.of("budget", "about 5k", "decisionMaker", "false", "inquiredAt", "last week"));

        assertThat(verdict(q, Criterion.MONEY).explanation())
                .isEqualTo("Money ✗ budget 'about 5k' is not an amount (use e.g. 50000.00)");
        assertThat(verdict(q, Criterion.AUTHORITY).explanation())
                .isEqualTo("Authority ✗ role not given; decisionMaker = false");
        assertThat(verdict(q, Criterion.NEED).explanation())
                .isEqualTo("Need ✗ need not given; inquiredAt 'last week' is not a date (use YYYY-MM-DD)");
        assertThat(q.leadClass()).isEqualTo(LeadClass.NOT_TARGET);
        assertThat(q.classExplanation()).isEqualTo("Not a target (0 of 3 met): no active follow-up");
        assertThat(q.combinationExplanation()).isEqualTo("none: Money ✗, Authority ✗, Need ✗ — no criterion met");
        assertThat(q.priorityExplanation()).isEqualTo("0: not a target none, the lowest priority of the MAN order");
    }

    @Test
    void topCombinationSaysSo() {
        Qualification q = qualify(Map.of("budget", "20000", "decisionMaker", "true", "need", "gift boxes"));
        assertThat(q.priorityExplanation()).isEqualTo("100: qualified prospect M+A+N, the highest priority of the MAN order");
        assertThat(q.combinationExplanation()).isEqualTo("M+A+N: Money ✓, Authority ✓, Need ✓ — all criteria met");
        assertThat(q.classExplanation()).isEqualTo("Qualified prospect (3 of 3 met: M+A+N): highest priority: follow up now");
    }

    @Nested
    class Boundaries {

        @Test
        void budgetExactlyAtTheThresholdMeetsMoney() {
            assertThat(verdict(qualify(Map.of("budget", "20000.00")), Criterion.MONEY).met()).isTrue();
            assertThat(verdict(qualify(Map.of("budget", "20000")), Criterion.MONEY).explanation())
                    .isEqualTo("Money ✓ budget 20,000.00 ≥ 20,000.00");
        }

        @Test
        void budgetJustBelowTheThresholdDoesNotAndIsNotRoundedUpInTheExplanation() {
            Verdict v = verdict(qualify(Map.of("budget", "19999.999")), Criterion.MONEY);
            assertThat(v.met()).isFalse();
            assertThat(v.explanation()).isEqualTo("Money ✗ budget 19,999.999 < 20,000.00");
            assertThat(verdict(qualify(Map.of("budget", "19999.99")), Criterion.MONEY).met()).isFalse();
        }

        @Test
        void budgetsWithGroupingCommasAndJsonNumbersAreRead() {
            assertThat(verdict(qualify(Map.of("budget", "50,000.00")), Criterion.MONEY).met()).isTrue();
            assertThat(verdict(qualify(Map.of("budget", "50000")), Criterion.MONEY).met()).isTrue();
        }

        @Test
        void aZeroThresholdAcceptsAnyBudget() {
            assertThat(verdict(qualify(Map.of(LeadSettings.THRESHOLD, "0"), Map.of("budget", "0")), Criterion.MONEY).met())
                    .isTrue();
        }

        @Test
        void inquiryExactlyNDaysAgoMeetsNeedAndOneDayMoreDoesNot() {
            Verdict atEdge = verdict(qualify(Map.of("inquiredAt", "2026-05-31")), Criterion.NEED);
            assertThat(atEdge.met()).isTrue();
            assertThat(atEdge.explanation()).isEqualTo("Need ✓ inquired 30 days ago, on 2026-05-31 (within 30 days)");

            Verdict past = verdict(qualify(Map.of("inquiredAt", "2026-05-30")), Criterion.NEED);
            assertThat(past.met()).isFalse();
            assertThat(past.explanation())
                    .isEqualTo("Need ✗ need not given; inquired 31 days ago, on 2026-05-30 (more than 30 days)");
        }

        @Test
        void inquiryWindowFollowsTheSetting() {
            Map<String, String> settings = Map.of(LeadSettings.INQUIRY_DAYS, "7");
            assertThat(verdict(qualify(settings, Map.of("inquiredAt", "2026-06-23")), Criterion.NEED).met()).isTrue();
            assertThat(verdict(qualify(settings, Map.of("inquiredAt", "2026-06-22")), Criterion.NEED).met()).isFalse();
            Map<String, String> sameDay = Map.of(LeadSettings.INQUIRY_DAYS, "0");
            assertThat(verdict(qualify(sameDay, Map.of("inquiredAt", "2026-06-30")), Criterion.NEED).explanation())
                    .isEqualTo("Need ✓ inquired today, on 2026-06-30 (within 0 days)");
        }

        @Test
        void inquiriesAreCountedInTheShopZone() {
            // 2026-06-29T20:00Z is already 2026-06-30 in Shanghai: 0 days before the scoring date there.
            Qualification q = rule(Map.of(LeadSettings.INQUIRY_DAYS, "0"))
                    .qualify(Map.of("inquiredAt", "2026-06-29T20:00:00Z"), AS_OF, ZoneId.of("Asia/Shanghai"), null);
            assertThat(verdict(q, Criterion.NEED).met()).isTrue();
            Qualification utc = rule(Map.of(LeadSettings.INQUIRY_DAYS, "0"))
                    .qualify(Map.of("inquiredAt", "2026-06-29T20:00:00Z"), AS_OF, UTC, null);
            assertThat(verdict(utc, Criterion.NEED).met()).isFalse();
        }

        @Test
        void anInquiryAfterTheScoringDateIsNotCounted() {
            Verdict v = verdict(qualify(Map.of("inquiredAt", "2026-07-02")), Criterion.NEED);
            assertThat(v.met()).isFalse();
            assertThat(v.explanation()).contains("inquiredAt 2026-07-02 is after the scoring date 2026-06-30");
        }

        @Test
        void aBlankNeedIsNoNeed() {
            assertThat(verdict(qualify(Map.of("need", "   ", "budget", "1")), Criterion.NEED).met()).isFalse();
            assertThat(verdict(qualify(Map.of("need", "samples")), Criterion.NEED).explanation())
                    .isEqualTo("Need ✓ need 'samples'");
        }
    }

    @Nested
    class Authority {

        @Test
        void rolesMatchCaseInsensitivelyAndTrimmed() {
            Verdict v = verdict(qualify(Map.of("role", "  Purchasing   Manager ")), Criterion.AUTHORITY);
            assertThat(v.met()).isTrue();
            assertThat(v.explanation())
                    .isEqualTo("Authority ✓ role 'Purchasing Manager' in [owner, director, purchasing manager]");
        }

        @Test
        void aDecisionMakerFlagMeetsAuthorityWhateverTheRole() {
            for (String yes : List.of("true", "TRUE", "yes", "1", "是")) {
                Verdict v = verdict(qualify(Map.of("role", "engineer", "decisionMaker", yes)), Criterion.AUTHORITY);
                assertThat(v.met()).as(yes).isTrue();
                assertThat(v.explanation()).isEqualTo("Authority ✓ decisionMaker = " + yes);
            }
        }

        @Test
        void theRoleListIsASetting() {
            Map<String, String> settings = Map.of(LeadSettings.ROLES, "CEO，Founder、 Engineer");
            assertThat(verdict(qualify(settings, Map.of("role", "engineer")), Criterion.AUTHORITY).explanation())
                    .isEqualTo("Authority ✓ role 'engineer' in [CEO, Founder, Engineer]");
            assertThat(verdict(qualify(settings, Map.of("role", "owner")), Criterion.AUTHORITY).met()).isFalse();
        }
    }

    @Nested
    class Money {

        @Test
        void aListedBandMeetsMoneyWithoutABudget() {
            Map<String, String> settings = Map.of(LeadSettings.BAND_ATTRIBUTE, "companySize",
                    LeadSettings.BAND_VALUES, "large, enterprise");
            Verdict v = verdict(qualify(settings, Map.of("companySize", "Enterprise")), Criterion.MONEY);
            assertThat(v.met()).isTrue();
            assertThat(v.explanation()).isEqualTo("Money ✓ companySize 'Enterprise' in [large, enterprise]");

            Verdict small = verdict(qualify(settings, Map.of("companySize", "small", "budget", "100")), Criterion.MONEY);
            assertThat(small.met()).isFalse();
            assertThat(small.explanation())
                    .isEqualTo("Money ✗ budget 100.00 < 20,000.00; companySize 'small' not in [large, enterprise]");
        }

        @Test
        void amountsFollowTheCurrencyDigits() {
            Qualifier yen = new Qualifier(LeadSettings.read(PluginSettings.of(Map.of(LeadSettings.THRESHOLD, "2000000"))),
                    Currency.getInstance("JPY"));
            assertThat(verdict(yen.qualify(Map.of("budget", "2500000"), AS_OF, UTC, null), Criterion.MONEY).explanation())
                    .isEqualTo("Money ✓ budget 2,500,000 ≥ 2,000,000");
        }
    }

    @Test
    void remappedAttributeNamesAreReadAndNamedInExplanations() {
        Map<String, String> settings = Map.of(
                LeadSettings.BUDGET_ATTRIBUTE, "annualBudget",
                LeadSettings.ROLE_ATTRIBUTE, "jobTitle",
                LeadSettings.DECISION_MAKER_ATTRIBUTE, "signsOrders",
                LeadSettings.NEED_ATTRIBUTE, "requirement",
                LeadSettings.INQUIRED_AT_ATTRIBUTE, "lastContact");
        Qualifier rule = rule(settings);
        Map<String, String> attributes = Map.of("annualBudget", "80000", "jobTitle", "Director", "lastContact", "2026-06-20",
                // the default names are ignored once remapped
                "budget", "1", "role", "intern", "need", "nothing");
        Qualification q = rule.qualify(attributes, AS_OF, UTC, null);

        assertThat(q.combination()).isEqualTo("M+A+N");
        assertThat(verdict(q, Criterion.MONEY).explanation()).isEqualTo("Money ✓ annualBudget 80,000.00 ≥ 20,000.00");
        assertThat(verdict(q, Criterion.AUTHORITY).explanation())
                .isEqualTo("Authority ✓ jobTitle 'Director' in [owner, director, purchasing manager]");
        assertThat(verdict(q, Criterion.NEED).explanation())
                .isEqualTo("Need ✓ inquired 10 days ago, on 2026-06-20 (within 30 days)");
        assertThat(rule.isLead(Map.of("budget", "1", "role", "x"))).isFalse();
        assertThat(rule.isLead(Map.of("signsOrders", "no"))).isTrue();
    }

    @Test
    void onlyCustomersWithALeadAttributeAreLeads() {
        Qualifier rule = rule(Map.of());
        assertThat(rule.isLead(Map.of())).isFalse();
        assertThat(rule.isLead(Map.of("vip", "true", "budget", " "))).isFalse();
        assertThat(rule.isLead(Map.of("inquiredAt", "2026-06-01"))).isTrue();
        assertThat(rule.isLead(Map.of("purchaseDate", "2026-07-01"))).as("timeline is read in BANT mode only").isFalse();
        assertThat(rule(Map.of(LeadSettings.MODE, "bant")).isLead(Map.of("purchaseDate", "2026-07-01"))).isTrue();
    }

    @Test
    void aLeadWhoBoughtIsConvertedAndKeepsTheCombination() {
        Qualification q = rule(Map.of()).qualify(Map.of("budget", "50000", "role", "owner"), AS_OF, UTC,
                LocalDate.parse("2026-06-12"));
        assertThat(q.leadClass()).isEqualTo(LeadClass.CONVERTED);
        assertThat(q.combination()).isEqualTo("M+A");
        assertThat(q.priority()).isZero();
        assertThat(q.classExplanation())
                .isEqualTo("Converted: first order on 2026-06-12; the profile meets M+A (potential by the MAN rule)");
        assertThat(q.priorityExplanation()).isEqualTo("0: converted on 2026-06-12, out of the lead follow-up queue");
    }

    @Nested
    class Bant {

        final Map<String, String> bant = Map.of(LeadSettings.MODE, "bant");

        Map<String, String> lead(boolean m, boolean a, boolean n, String purchaseDate) {
            Map<String, String> attributes = new HashMap<>();
            attributes.put("budget", m ? "30000" : "10");
            attributes.put("role", a ? "owner" : "clerk");
            if (n) {
                attributes.put("need", "tea");
            }
            if (purchaseDate != null) {
                attributes.put("purchaseDate", purchaseDate);
            }
            return attributes;
        }

        @ParameterizedTest(name = "M={0} A={1} N={2} T={3} -> {4} {5} {6}")
        @CsvSource({
            "true,  true,  true,  true,  qualified,  M+A+N+T, 100",
            "true,  true,  true,  false, potential,  M+A+N,   90",
            "true,  true,  false, true,  potential,  M+A+T,   85",
            "false, true,  true,  true,  potential,  A+N+T,   80",
            "true,  false, true,  true,  potential,  M+N+T,   75",
            "true,  true,  false, false, lead,       M+A,     60",
            "false, true,  true,  false, lead,       A+N,     55",
            "true,  false, true,  false, lead,       M+N,     50",
            "true,  false, false, true,  lead,       M+T,     45",
            "false, true,  false, true,  lead,       A+T,     40",
            "false, false, true,  true,  lead,       N+T,     35",
            "true,  false, false, false, lead,       M,       20",
            "false, true,  false, false, lead,       A,       15",
            "false, false, true,  false, lead,       N,       10",
            "false, false, false, true,  lead,       T,       5",
            "false, false, false, false, not_target, none,    0",
        })
        void classesAndPrioritiesOfAllSixteenCombinations(boolean m, boolean a, boolean n, boolean t, String leadClass,
                                                           String combination, int priority) {
            Qualification q = qualify(bant, lead(m, a, n, t ? "2026-07-15" : "2027-01-01"));
            assertThat(q.leadClass().code()).isEqualTo(leadClass);
            assertThat(q.combination()).isEqualTo(combination);
            assertThat(q.priority()).isEqualTo(priority);
            assertThat(q.scores()).extracting(s -> s.name())
                    .containsExactly("class", "combination", "priority", "money", "authority", "need", "timeline");
        }

        @Test
        void timelineWindowIsInclusiveAndPastDatesDoNotCount() {
            assertThat(verdict(qualify(bant, Map.of("purchaseDate", "2026-09-28")), Criterion.TIMELINE).explanation())
                    .isEqualTo("Timeline ✓ purchase planned in 90 days, on 2026-09-28 (within 90 days)");
            assertThat(verdict(qualify(bant, Map.of("purchaseDate", "2026-09-29")), Criterion.TIMELINE).explanation())
                    .isEqualTo("Timeline ✗ purchase planned in 91 days, on 2026-09-29 (more than 90 days)");
            assertThat(verdict(qualify(bant, Map.of("purchaseDate", "2026-06-30")), Criterion.TIMELINE).met()).isTrue();
            assertThat(verdict(qualify(bant, Map.of("purchaseDate", "2026-06-29")), Criterion.TIMELINE).explanation())
                    .isEqualTo("Timeline ✗ purchase date 2026-06-29 has passed (scoring date 2026-06-30)");
            assertThat(verdict(qualify(bant, Map.of("budget", "1")), Criterion.TIMELINE).explanation())
                    .isEqualTo("Timeline ✗ purchaseDate not given");
        }

        @Test
        void explanationsNameTheBantOrder() {
            Qualification q = qualify(bant, lead(true, true, true, null));
            assertThat(q.priorityExplanation())
                    .isEqualTo("90: potential M+A+N, after M+A+N+T (100), before M+A+T (85) in the BANT order");
            assertThat(q.combinationExplanation())
                    .isEqualTo("M+A+N: Money ✓, Authority ✓, Need ✓, Timeline ✗ — next: agree a purchase date");
            assertThat(q.classExplanation()).isEqualTo("Potential (3 of 4 met: M+A+N): medium priority: nurture and develop");
        }
    }
}
