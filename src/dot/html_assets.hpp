#pragma once
// The interactive page's assets from src/dot/html/, embedded at build time by
// cmake/html_assets.cmake, each with the hex SHA-256 of its bytes.

#include <string_view>

namespace diplograph::dot::html_assets {

extern const std::string_view page_html, page_html_sha256;  // the skeleton, with {{...}} slots
extern const std::string_view page_css, page_css_sha256;
extern const std::string_view page_js, page_js_sha256;

}  // namespace diplograph::dot::html_assets
