// Loading a rule file: it is parsed, every rule checked, and compiled once. A file that
// fails any check is refused whole, with the rule and field named.
#include "twitchcheck/checker.hpp"
#include "rule_facts.hpp"
#include "twitchcheck/json_reader.hpp"

#include <set>
#include <string>

namespace twitchcheck {

extern const char* const kBuiltinRules;
extern const std::size_t kBuiltinRulesSize;

namespace {

// Where we are in the file, for messages: "rule RF-SPREADING: ...".
struct Place {
    std::string path;
    std::string owner;  // "rule RF-SPREADING" / "checklist item CL-WASTING"
};

[[noreturn]] void fail(const Place& at, const std::string& message) {
    throw InputError(at.path, at.owner.empty() ? message : at.owner + ": " + message);
}

const Json& required(const Json& object, std::string_view key, const Place& at) {
    auto it = object.find(key);
    if (it == object.end()) fail({path_key(at.path, key), at.owner}, "is required");
    return *it;
}

std::string text_field(const Json& object, std::string_view key, const Place& at) {
    const Json& value = required(object, key, at);
    if (!value.is_string() || value.get_ref<const std::string&>().empty())
        fail({path_key(at.path, key), at.owner}, "expected non-empty text");
    return value.get<std::string>();
}

void only_keys(const Json& object, std::initializer_list<std::string_view> keys, const Place& at) {
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (auto k : keys) known = known || k == it.key();
        if (!known) fail({path_key(at.path, it.key()), at.owner}, "unknown field");
    }
}

std::uint16_t region_bit(const Json& value, const Place& at) {
    if (value.is_string())
        if (auto r = parse_name<Region>(kRegionNames, value.get_ref<const std::string&>()))
            return static_cast<std::uint16_t>(1u << static_cast<unsigned>(*r));
    fail(at, "expected a body region name");
}

// The common head of a checklist item and a rule: an object with only `keys` and a
// non-empty id used nowhere else in the file. Returns its place, named for messages.
Place named_item(const Json& item, Place at, const std::string& kind, std::initializer_list<std::string_view> keys,
                 std::set<std::string>& ids, std::string& id) {
    if (!item.is_object()) fail(at, "expected a " + kind + " object");
    id = text_field(item, "id", at);
    at.owner = kind + " " + id;
    only_keys(item, keys, at);
    if (!ids.insert(id).second) fail({path_key(at.path, "id"), at.owner}, "this id is used twice");
    return at;
}

struct Compiler {
    const std::vector<ChecklistItem>* checklist;  // items that conditions may name
    bool least_urgent = false;                    // may it use decreasing comparisons?

    Condition compile(const Json& node, const Place& at) const {
        if (!node.is_object() || node.size() == 0) fail(at, "expected a condition object");
        Condition c;
        if (node.contains("always")) {
            only_keys(node, {"always"}, at);
            if (node["always"] != true) fail({path_key(at.path, "always"), at.owner}, "expected true");
            c.kind = Condition::Kind::always;
            return c;
        }
        for (auto group : {"all", "any"}) {
            if (!node.contains(group)) continue;
            only_keys(node, {group}, at);
            c.kind = std::string_view(group) == "all" ? Condition::Kind::all : Condition::Kind::any;
            c.children = list(node[group], {path_key(at.path, group), at.owner});
            return c;
        }
        if (node.contains("at_least")) {
            only_keys(node, {"at_least", "of"}, at);
            c.kind = Condition::Kind::at_least;
            const Json& n = node["at_least"];
            if (!n.is_number_unsigned() || n.get<std::uint64_t>() < 1 || n.get<std::uint64_t>() > 64)
                fail({path_key(at.path, "at_least"), at.owner}, "expected a whole number from 1 to 64");
            c.value = n.get<int>();
            c.children = list(required(node, "of", at), {path_key(at.path, "of"), at.owner});
            return c;
        }
        if (node.contains("regions_only")) {
            only_keys(node, {"regions_only"}, at);
            const Place list_at{path_key(at.path, "regions_only"), at.owner};
            const Json& names = node["regions_only"];
            if (!names.is_array() || names.empty()) fail(list_at, "expected a list of body regions");
            c.kind = Condition::Kind::regions_only;
            c.because = "regions: ";
            for (std::size_t i = 0; i < names.size(); ++i) {
                c.regions |= region_bit(names[i], {path_index(list_at.path, i), at.owner});
                c.because += (i ? " or " : "") + names[i].get<std::string>();
            }
            c.because += " only";
            return c;
        }
        if (node.contains("regions_include")) {
            only_keys(node, {"regions_include"}, at);
            c.kind = Condition::Kind::regions_include;
            c.regions = region_bit(node["regions_include"], {path_key(at.path, "regions_include"), at.owner});
            c.because = "regions include " + node["regions_include"].get<std::string>();
            return c;
        }
        if (node.contains("fact")) return fact(node, at);
        fail(at, "expected one of fact, all, any, at_least, regions_only, regions_include, always");
    }

    std::vector<Condition> list(const Json& items, const Place& at) const {
        if (!items.is_array() || items.empty()) fail(at, "expected a non-empty list of conditions");
        std::vector<Condition> out;
        for (std::size_t i = 0; i < items.size(); ++i)
            out.push_back(compile(items[i], {path_index(at.path, i), at.owner}));
        return out;
    }

    Condition fact(const Json& node, const Place& at) const {
        only_keys(node, {"fact", "op", "value"}, at);
        const Place fact_at{path_key(at.path, "fact"), at.owner};
        const Json& name_json = node["fact"];
        if (!name_json.is_string()) fail(fact_at, "expected a fact name");
        const std::string& name = name_json.get_ref<const std::string&>();
        auto id = fact_id(name, checklist ? checklist->size() : 0,
                          [&](std::size_t k) -> std::string_view { return (*checklist)[k].id; });
        if (!id) fail(fact_at, "unknown fact \"" + name + "\"");
        Condition c;
        c.fact = *id;
        const FactType type = fact_type(*id);
        const bool has_op = node.contains("op");
        if (type == FactType::boolean) {
            if (has_op || node.contains("value")) fail(at, "a yes/no fact takes no op or value");
            c.kind = Condition::Kind::fact;
            c.because = name;
            return c;
        }
        if (!has_op) fail({path_key(at.path, "op"), at.owner}, "is required for fact \"" + name + "\"");
        const Json& op = node["op"];
        const Place op_at{path_key(at.path, "op"), at.owner};
        const Json& value = required(node, "value", at);
        const Place value_at{path_key(at.path, "value"), at.owner};
        if (type == FactType::yes_no_unknown) {
            if (op != "==") fail(op_at, "expected \"==\"");
            if (!value.is_boolean()) fail(value_at, "expected true or false");
            c.kind = Condition::Kind::equals;
            c.value = value.get<bool>() ? 1 : 0;
            c.because = name + " == " + (value.get<bool>() ? "true" : "false");
            return c;
        }
        static const std::array<std::pair<std::string_view, Condition::Op>, 5> ops{{
            {">", Condition::Op::gt}, {">=", Condition::Op::ge}, {"<", Condition::Op::lt},
            {"<=", Condition::Op::le}, {"==", Condition::Op::eq}}};
        bool found = false;
        for (auto& [text, o] : ops)
            if (op.is_string() && op.get_ref<const std::string&>() == text) { c.op = o; found = true; }
        if (!found) fail(op_at, "expected one of >, >=, <, <=, ==");
        if (!value.is_number_integer()) fail(value_at, "expected a whole number");
        // A warning level must not fall as the twitching goes on longer or reaches more
        // places (monotonic rules).
        if (!least_urgent && (*id == kFactDurationDays || *id == kFactDistinctRegions) &&
            (c.op == Condition::Op::lt || c.op == Condition::Op::le || c.op == Condition::Op::eq))
            fail(op_at, std::string("only the least urgent level may ask for ") +
                            (*id == kFactDurationDays ? "a shorter duration_days" : "fewer distinct_regions"));
        c.kind = Condition::Kind::compare;
        c.value = value.get<int>();
        c.because = name + " " + op.get<std::string>() + " " + std::to_string(c.value);
        return c;
    }
};

}  // namespace

RuleSet load_rules(std::string_view text) {
    Json doc = parse_json_bounded(text, 64);
    if (!doc.is_object()) throw InputError("", "expected a rule file object");
    const Place root{"", ""};
    const Json& schema = required(doc, "schema", root);
    if (schema != kRulesSchema)
        throw InputError("schema", "expected \"" + std::string(kRulesSchema) + "\"" +
                                       (schema == "twitchcheck.rules/1"
                                            ? " (version 1 files carried their own English words; the words are "
                                              "now in the language files, core/lang/)"
                                            : ""));
    only_keys(doc, {"schema", "version", "checklist", "rules", "advice", "examples"}, root);

    RuleSet set;
    set.version = text_field(doc, "version", root);

    const Json& checklist = required(doc, "checklist", root);
    if (!checklist.is_array()) throw InputError("checklist", "expected a list");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < checklist.size(); ++i) {
        const Json& item = checklist[i];
        ChecklistItem ci;
        const Place at = named_item(item, {path_index("checklist", i), ""}, "checklist item", {"id", "when"}, ids, ci.id);
        // Checklist items are built from the answers only, never from other items.
        ci.when = Compiler{nullptr, false}.compile(required(item, "when", at), {path_key(at.path, "when"), at.owner});
        set.checklist.push_back(std::move(ci));
    }

    const Json& rules = required(doc, "rules", root);
    if (!rules.is_array() || rules.empty()) throw InputError("rules", "expected a non-empty list of rules");
    Level least = Level::emergency;
    for (const auto& r : rules)
        if (r.is_object() && r.contains("level") && r["level"].is_string())
            if (auto l = parse_name<Level>(kLevelNames, r["level"].get<std::string>()); l && *l > least) least = *l;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Json& item = rules[i];
        Rule rule;
        const Place at = named_item(item, {path_index("rules", i), ""}, "rule",
                                    {"id", "level", "when", "source"}, ids, rule.id);
        const Json& level = required(item, "level", at);
        auto parsed = level.is_string() ? parse_name<Level>(kLevelNames, level.get<std::string>()) : std::nullopt;
        if (!parsed) fail({path_key(at.path, "level"), at.owner}, "expected a known level");
        rule.level = *parsed;
        rule.when = Compiler{&set.checklist, rule.level == least}.compile(required(item, "when", at),
                                                                        {path_key(at.path, "when"), at.owner});
        if (!item.contains("source")) fail({path_key(at.path, "source"), at.owner}, "every rule must cite its source");
        rule.source = text_field(item, "source", at);
        set.rules.push_back(std::move(rule));
    }

    const Json& advice = required(doc, "advice", root);
    if (!advice.is_array() || advice.empty()) throw InputError("advice", "expected a non-empty list of steps");
    for (std::size_t i = 0; i < advice.size(); ++i) {
        Place at{path_index("advice", i), ""};
        const Json& item = advice[i];
        if (!item.is_object()) fail(at, "expected an advice step object");
        AdviceStep step;
        step.id = text_field(item, "id", at);
        at.owner = "advice step " + step.id;
        only_keys(item, {"id", "triggers", "only_when_reported"}, at);
        const Json& triggers = required(item, "triggers", at);
        if (!triggers.is_array()) fail({path_key(at.path, "triggers"), at.owner}, "expected a list of triggers");
        for (std::size_t t = 0; t < triggers.size(); ++t) {
            auto trig = triggers[t].is_string() ? parse_name<Trigger>(kTriggerNames, triggers[t].get<std::string>())
                                                : std::nullopt;
            if (!trig) fail({path_index(path_key(at.path, "triggers"), t), at.owner}, "expected a known trigger");
            step.triggers.push_back(*trig);
        }
        if (item.contains("only_when_reported")) {
            if (!item["only_when_reported"].is_boolean())
                fail({path_key(at.path, "only_when_reported"), at.owner}, "expected true or false");
            step.only_when_reported = item["only_when_reported"].get<bool>();
        }
        set.advice.push_back(std::move(step));
    }

    if (auto it = doc.find("examples"); it != doc.end()) {
        if (!it->is_array()) throw InputError("examples", "expected a list of example cases");
        for (std::size_t i = 0; i < it->size(); ++i) {
            Place at{path_index("examples", i), ""};
            const Json& ex = (*it)[i];
            if (!ex.is_object()) fail(at, "expected an example object");
            only_keys(ex, {"name", "input", "expect"}, at);
            RuleExample example{text_field(ex, "name", at), required(ex, "input", at), required(ex, "expect", at)};
            if (!example.expect.is_object()) fail({path_key(at.path, "expect"), at.owner}, "expected an object");
            set.examples.push_back(std::move(example));
        }
    }
    return set;
}

std::string_view builtin_rules_text() { return {kBuiltinRules, kBuiltinRulesSize}; }

const RuleSet& builtin_rules() {
    static const RuleSet rules = load_rules(builtin_rules_text());
    return rules;
}

}  // namespace twitchcheck
