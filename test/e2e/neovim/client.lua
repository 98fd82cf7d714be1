-- SpecThread through Neovim's built-in LSP client (0.7: vim.lsp.start_client + buf_attach_client;
-- vim.lsp.start does not exist yet). Run by test/e2e/neovim/run.js as
--   nvim --headless --clean -n -c 'luafile client.lua'
-- with SPECTHREAD_E2E_CMD (JSON array: the server command) and SPECTHREAD_E2E_ROOT (a copy of
-- examples/kiro-workspace). Prints one "ok"/"not ok" line per check; exits 1 (cq) on any failure.
local TIMEOUT = 20000
local failures = 0
local function say(s) io.stdout:write(s .. '\n') end
local function check(ok, what, detail)
  if ok then say('ok - ' .. what) else
    failures = failures + 1
    say('not ok - ' .. what .. (detail and ('\n    ' .. tostring(detail):gsub('\n', '\n    ')) or ''))
  end
  return ok
end

-- Positions are found in the files rather than hard-coded, so an edit to the example's wording
-- moves the expectations with it. Returns the 0-based line and column of `text` in `path`.
local function locate(path, text, after)
  local seen = after == nil
  for i, line in ipairs(vim.fn.readfile(path)) do
    if not seen and line:find(after, 1, true) then seen = true end
    local col = seen and line:find(text, 1, true)
    if col then return i - 1, col - 1, line end
  end
  error(('%q not found in %s'):format(text, path))
end

local function code_of(d) return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) end

local function main()
  local root = os.getenv('SPECTHREAD_E2E_ROOT') or error('SPECTHREAD_E2E_ROOT unset')
  local cmd = vim.fn.json_decode(os.getenv('SPECTHREAD_E2E_CMD') or error('SPECTHREAD_E2E_CMD unset'))
  local spec = root .. '/.kiro/specs/user-auth'
  local files = { tasks = spec .. '/tasks.md', requirements = spec .. '/requirements.md', design = spec .. '/design.md' }
  local published, indexed = {}, nil
  local client_id = vim.lsp.start_client({
    name = 'specthread',
    cmd = cmd,
    root_dir = root,
    handlers = {
      -- Keep every publish (also for files never opened) and still feed vim.diagnostic.
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
      ['specthread/indexed'] = function(_, result) indexed = result end,
    },
  })
  check(client_id ~= nil, 'server process started: ' .. table.concat(cmd, ' '))

  vim.cmd('edit ' .. vim.fn.fnameescape(files.tasks))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)

  check(vim.wait(TIMEOUT, function() return indexed ~= nil end, 10), 'specthread/indexed notification arrives')
  if indexed then check(indexed.specs == 1, 'indexed reports one spec', vim.inspect(indexed)) end

  -- tasks.md cites criterion 2.5, which requirements.md does not define.
  local bad_line, bad_col = locate(files.tasks, '2.5')
  local function unknown_ref()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == 'link.unknown-ref' and d.message:find('2.5', 1, true) then return d end
    end
  end
  local found = vim.wait(TIMEOUT, function() return unknown_ref() ~= nil end, 10)
  local d = unknown_ref()
  check(found, 'link.unknown-ref for 2.5 in tasks.md', vim.inspect(vim.diagnostic.get(buf)))
  if d then
    check(d.lnum == bad_line and d.col == bad_col, ('diagnostic at %d:%d'):format(bad_line + 1, bad_col + 1),
      ('got %d:%d'):format(d.lnum + 1, d.col + 1))
  end

  -- design.md is never opened; the server must publish its findings all the same.
  local design_uri = vim.uri_from_fname(files.design)
  local design_ok = vim.wait(TIMEOUT, function()
    for _, pd in ipairs(published[design_uri] or {}) do
      if pd.code == 'link.unknown-ref' and pd.message:find('2.3', 1, true) then return true end
    end
    return false
  end, 10)
  check(design_ok, 'unopened design.md gets link.unknown-ref for 2.3', vim.inspect(vim.tbl_keys(published)))

  -- Hover and definition on the `1.1` in tasks.md's "_Requirements: 1.1, 1.2_".
  local ref_line, ref_col = locate(files.tasks, '1.1', '_Requirements:')
  local _, _, crit_line_text = locate(files.requirements, '1. WHEN', '### Requirement 1')
  local crit_line = locate(files.requirements, crit_line_text)
  local criterion = crit_line_text:gsub('^%s*1%.%s*', '')
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = ref_line, character = ref_col + 1 } }

  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, TIMEOUT)
  local hover_text = ''
  for _, r in pairs(hover or {}) do
    if r.result then hover_text = hover_text .. (r.result.contents.value or vim.inspect(r.result.contents)) end
  end
  -- Markdown escaping may touch punctuation such as `_`; compare the words only.
  local function words(s) return (s:gsub('\\', ''):gsub('[%p%s]+', ' ')) end
  check(words(hover_text):find(words(criterion), 1, true) ~= nil, 'hover on 1.1 shows the criterion text',
    ('expected %q in %q'):format(criterion, hover_text))

  local def = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, TIMEOUT)
  local target
  for _, r in pairs(def or {}) do
    local res = r.result
    if res and res.uri then res = { res } end
    for _, loc in ipairs(res or {}) do target = target or loc end
  end
  local t_uri = target and (target.uri or target.targetUri)
  local t_range = target and (target.targetSelectionRange or target.range)
  check(t_uri == vim.uri_from_fname(files.requirements) and t_range.start.line == crit_line,
    ('definition of 1.1 is requirements.md line %d'):format(crit_line + 1), vim.inspect(def))

  -- The editor's own go-to-definition jumps there too.
  vim.api.nvim_win_set_cursor(0, { ref_line + 1, ref_col + 1 })
  vim.lsp.buf.definition()
  local jumped = vim.wait(TIMEOUT, function() return vim.api.nvim_buf_get_name(0) == files.requirements end, 10)
  check(jumped and vim.api.nvim_win_get_cursor(0)[1] == crit_line + 1, 'vim.lsp.buf.definition() jumps to the criterion',
    vim.api.nvim_buf_get_name(0) .. ':' .. vim.api.nvim_win_get_cursor(0)[1])

  -- Shutdown/exit must end the server process.
  vim.lsp.stop_client(client_id)
  check(vim.wait(TIMEOUT, function() return vim.lsp.client_is_stopped(client_id) end, 10), 'server stops on shutdown/exit')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then check(false, 'client script ran to the end', err) end
-- An uncaught error would leave headless Neovim waiting for input, hence the explicit exit code.
if failures > 0 then vim.cmd('cq') else vim.cmd('qa!') end
