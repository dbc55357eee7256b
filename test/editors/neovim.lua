-- sipls in Neovim's built-in LSP client, headless. Driven by test/editors/editors.test.ts.
-- Env: SIPLS (path to out/server/src/cli/main.js), SIP_FILE, HOVER_LINE/HOVER_CHAR and
-- COMPLETE_LINE/COMPLETE_CHAR (0-based). Prints DIAGNOSTIC/HOVER/COMPLETION lines, then PASS.
-- Uses vim.lsp.start_client + buf_attach_client: Debian 12 ships Neovim 0.7, before vim.lsp.start.
local function say(text) io.stdout:write(text .. '\n') end
local function fail(reason) say('FAIL: ' .. reason); vim.cmd('cquit 1') end

local file = os.getenv('SIP_FILE')
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].filetype = 'sip-log'

local id = vim.lsp.start_client({ name = 'sipls', cmd = { 'node', os.getenv('SIPLS'), '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
if not id then return fail('the client did not start') end
vim.lsp.buf_attach_client(buffer, id)
if not vim.wait(15000, function() local c = vim.lsp.get_client_by_id(id); return c ~= nil and c.initialized end, 50) then return fail('no initialize') end

if not vim.wait(15000, function() return #vim.diagnostic.get(buffer) > 0 end, 50) then return fail('no diagnostics') end
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  say(string.format('DIAGNOSTIC %d:%d %s %s', d.lnum, d.col, tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.message))
end

local uri = vim.uri_from_bufnr(buffer)
local function request(method, line, char)
  local replies = vim.lsp.buf_request_sync(buffer, method, { textDocument = { uri = uri }, position = { line = tonumber(line), character = tonumber(char) } }, 15000)
  if not replies then return nil end
  for _, reply in pairs(replies) do
    if reply.error then fail(method .. ' error: ' .. vim.inspect(reply.error)) end
    if reply.result then return reply.result end
  end
end

local hover = request('textDocument/hover', os.getenv('HOVER_LINE'), os.getenv('HOVER_CHAR'))
if not hover or not hover.contents then return fail('no hover') end
say('HOVER ' .. (hover.contents.value or vim.inspect(hover.contents)):gsub('\n', ' '))

local completion = request('textDocument/completion', os.getenv('COMPLETE_LINE'), os.getenv('COMPLETE_CHAR'))
local items = completion and (completion.items or completion) or {}
if #items == 0 then return fail('no completion items') end
for i = 1, math.min(#items, 5) do say('COMPLETION ' .. items[i].label) end

vim.lsp.stop_client(id)
say('PASS')
vim.cmd('qall!')
