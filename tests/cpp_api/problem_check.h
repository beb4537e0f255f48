// Renders the problem details of every error of a generated catalog with typed arguments known
// only at run time, parses each back with a real JSON parser (nlohmann-json), and says what
// differs from what the catalog says. Header-only and framework-free: the GoogleTest suite and
// the plain round-trip program of the public catalogs (built with every compiler) share it.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "errcat_runtime.hpp"

namespace errcat_test {

// Arguments of each type, with quotes, a backslash, control characters and non-ASCII text in the
// string, so that the JSON escaping is exercised by every error with a string parameter.
inline errcat_runtime::Arg ArgOf(errcat_runtime::ParamType type) {
  static const std::string kText = "q\"uote \\ back\nline\t\x01 caf\xC3\xA9 \xF0\x9F\x94\x91 </x>";
  errcat_runtime::Arg a;
  switch (type) {
    case errcat_runtime::ParamType::kInt:
      a.kind = errcat_runtime::Arg::Kind::kInt;
      a.i = -42;
      break;
    case errcat_runtime::ParamType::kUint:
      a.kind = errcat_runtime::Arg::Kind::kUint;
      a.u = 7;
      break;
    case errcat_runtime::ParamType::kDouble:
      a.kind = errcat_runtime::Arg::Kind::kDouble;
      a.d = 2.5;
      break;
    case errcat_runtime::ParamType::kString:
      a.kind = errcat_runtime::Arg::Kind::kString;
      a.s = kText;
      break;
    case errcat_runtime::ParamType::kBool:
      a.kind = errcat_runtime::Arg::Kind::kBool;
      a.b = true;
      break;
  }
  return a;
}

// problem(e, args...) and format(e, args...) for a list of arguments of any length up to 6.
template <typename E>
bool ProblemAndMessage(E e, const std::vector<errcat_runtime::Arg>& a, errcat_runtime::Problem& p,
                       std::string& message) {
  switch (a.size()) {
    case 0:
      p = problem(e);
      message = format(e);
      return true;
    case 1:
      p = problem(e, a[0]);
      message = format(e, a[0]);
      return true;
    case 2:
      p = problem(e, a[0], a[1]);
      message = format(e, a[0], a[1]);
      return true;
    case 3:
      p = problem(e, a[0], a[1], a[2]);
      message = format(e, a[0], a[1], a[2]);
      return true;
    case 4:
      p = problem(e, a[0], a[1], a[2], a[3]);
      message = format(e, a[0], a[1], a[2], a[3]);
      return true;
    case 5:
      p = problem(e, a[0], a[1], a[2], a[3], a[4]);
      message = format(e, a[0], a[1], a[2], a[3], a[4]);
      return true;
    case 6:
      p = problem(e, a[0], a[1], a[2], a[3], a[4], a[5]);
      message = format(e, a[0], a[1], a[2], a[3], a[4], a[5]);
      return true;
    default:
      return false;
  }
}

// What is wrong with the problem+json of every error of `all`; empty when nothing is.
// `type_base` is the catalog's k...ProblemTypeBase.
template <typename E, typename List>
std::vector<std::string> CheckProblems(List all, std::string_view type_base) {
  std::vector<std::string> wrong;
  for (const errcat_runtime::ErrorInfo& info : all) {
    const std::string at = std::string(info.code) + ": ";
    std::vector<errcat_runtime::Arg> args;
    for (const errcat_runtime::ParamInfo& p : info.params) args.push_back(ArgOf(p.type));
    errcat_runtime::Problem problem;
    std::string message;
    if (!ProblemAndMessage(static_cast<E>(info.value), args, problem, message)) {
      wrong.push_back(at + "more than 6 parameters");
      continue;
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(to_json(problem, "/requests/1"));
    } catch (const std::exception& e) {
      wrong.push_back(at + "not JSON: " + e.what());
      continue;
    }
    const std::string type = !type_base.empty() ? std::string(type_base) + std::string(info.code)
                             : info.docs_url.empty() ? std::string("about:blank")
                                                     : std::string(info.docs_url);
    const auto expect = [&](bool ok, const std::string& what) {
      if (!ok) wrong.push_back(at + what + " in " + j.dump());
    };
    expect(j.value("type", "") == type, "type");
    expect(j.value("title", "") == info.summary, "title");
    expect(info.http_status ? j.value("status", 0) == info.http_status : !j.contains("status"),
           "status");
    expect(j.value("detail", "") == message, "detail");
    expect(j.value("instance", "") == "/requests/1", "instance");
    expect(j.value("code", "") == info.code, "code");
    expect(
        j.contains("params") && j["params"].is_object() && j["params"].size() == info.params.size(),
        "params");
    for (const errcat_runtime::ParamInfo& p : info.params) {
      const std::string name(p.name);
      if (!j["params"].contains(name)) {
        expect(false, "param " + name);
        continue;
      }
      const nlohmann::json& v = j["params"][name];
      const errcat_runtime::Arg a = ArgOf(p.type);
      switch (p.type) {
        case errcat_runtime::ParamType::kInt:
          expect(v.is_number_integer() && v.get<long long>() == a.i, name);
          break;
        case errcat_runtime::ParamType::kUint:
          expect(v.is_number_unsigned() && v.get<unsigned long long>() == a.u, name);
          break;
        case errcat_runtime::ParamType::kDouble:
          expect(v.is_number() && v.get<double>() == a.d, name);
          break;
        case errcat_runtime::ParamType::kString:
          expect(v.is_string() && v.get<std::string>() == a.s, name);
          break;
        case errcat_runtime::ParamType::kBool:
          expect(v.is_boolean() && v.get<bool>(), name);
          break;
      }
    }
    // The JSON names exactly the members RFC 9457 and errcat define.
    for (const auto& [key, value] : j.items()) {
      static const char* const kMembers[] = {"type",     "title", "status", "detail",
                                             "instance", "code",  "params"};
      bool known = false;
      for (const char* m : kMembers) known = known || key == m;
      expect(known, "unknown member " + key);
    }
  }
  return wrong;
}

}  // namespace errcat_test
